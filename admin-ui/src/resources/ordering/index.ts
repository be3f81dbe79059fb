import { createElement } from 'react';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import AddBusinessIcon from '@mui/icons-material/AddBusiness';
import type { SellerChannel } from '../orders/types';
import { lazyPage } from '../../common/lazyPage';

const CatalogueList = lazyPage(() => import('./CatalogueList').then((m) => m.CatalogueList));
const OrderCreate = lazyPage(() => import('./OrderCreate').then((m) => m.OrderCreate));

/**
 * /order/<channel> — 代理个人客户下单 / 代理政府企业客户下单 (seller side; server resource `catalogue`
 * for the product cards): the create page is the order form of 立即下单 (POST /orders).
 */
const orderingPages = (channel: SellerChannel) => ({
  list: () => createElement(CatalogueList, { channel }),
  create: () => createElement(OrderCreate, { channel }),
  icon: channel === 'gov' ? AddBusinessIcon : PersonAddIcon,
  recordRepresentation: 'name',
});

export default {
  individual: orderingPages('individual'),
  gov: orderingPages('gov'),
};
