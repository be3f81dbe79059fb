import type { ComponentType } from 'react';
import { createElement } from 'react';
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import RestaurantIcon from '@mui/icons-material/Restaurant';
import LocalMallIcon from '@mui/icons-material/LocalMall';
import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import CategoryIcon from '@mui/icons-material/Category';
import type { ProductPage } from './types';
import { lazyPage } from '../../common/lazyPage';

const ProductList = lazyPage(() => import('./ProductList').then((m) => m.ProductList));
const ProductCreate = lazyPage(() => import('./ProductCreate').then((m) => m.ProductCreate));
const ProductEdit = lazyPage(() => import('./ProductEdit').then((m) => m.ProductEdit));

const ICONS: Record<ProductPage, ComponentType> = {
  ticket: ConfirmationNumberIcon,
  catering: RestaurantIcon,
  retail: LocalMallIcon,
  coupon: LocalOfferIcon,
  combo: CategoryIcon,
};

/** The pages of one product kind, at /products/<page> (server resource `products`). */
const productPages = (page: ProductPage) => ({
  list: () => createElement(ProductList, { page }),
  create: () => createElement(ProductCreate, { page }),
  edit: () => createElement(ProductEdit, { page }),
  icon: ICONS[page],
  recordRepresentation: 'name',
});

export default {
  ticket: productPages('ticket'),
  catering: productPages('catering'),
  retail: productPages('retail'),
  coupon: productPages('coupon'),
  combo: productPages('combo'),
};
