import { createElement } from 'react';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import PersonIcon from '@mui/icons-material/Person';
import GroupsIcon from '@mui/icons-material/Groups';
import BadgeIcon from '@mui/icons-material/Badge';
import type { OrderChannel } from './types';
import { lazyPage } from '../../common/lazyPage';

const OrderList = lazyPage(() => import('./OrderList').then((m) => m.OrderList));
const OrderShow = lazyPage(() => import('./OrderShow').then((m) => m.OrderShow));

export const orderRepresentation = (record: { number?: string }) => record.number ?? '';

/** /my-orders — 我的订单 (seller side; server resource `orders`): list and detail with 支付 / 取消 / 申请退款. */
export const myOrders = {
  list: () => createElement(OrderList, { side: 'seller' }),
  show: () => createElement(OrderShow, { side: 'seller' }),
  icon: ReceiptLongIcon,
  recordRepresentation: orderRepresentation,
};

const ICONS = { individual: PersonIcon, gov: GroupsIcon, employee: BadgeIcon };

/** /orders/<channel> — 订单管理 (supplier side): one list per channel, detail with audits and fulfilment. */
const supplierOrders = (channel: OrderChannel) => ({
  list: () => createElement(OrderList, { side: 'supplier', channel }),
  show: () => createElement(OrderShow, { side: 'supplier' }),
  icon: ICONS[channel],
  recordRepresentation: orderRepresentation,
});

export default {
  individual: supplierOrders('individual'),
  gov: supplierOrders('gov'),
  employee: supplierOrders('employee'),
};
