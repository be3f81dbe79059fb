import { createElement } from 'react';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { lazyPage } from '../../common/lazyPage';

const CartPage = lazyPage(() => import('./CartPage').then((m) => m.CartPage));

/**
 * /cart — 购物车 (seller side; server resource `cart-items`): the individual cart at the MENU path,
 * the gov cart at /cart/gov, tabs between them.
 */
export default {
  individual: { list: () => createElement(CartPage, { channel: 'individual' }), icon: ShoppingCartIcon },
  gov: { list: () => createElement(CartPage, { channel: 'gov' }), icon: ShoppingCartIcon },
};
