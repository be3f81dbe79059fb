import type { UploadedFile } from '../../dataProvider';
import { enumChoices } from '../shared';

/** The order channels and statuses are the shared vocabulary (@cop/config), as the server's. */
import { ORDER_CHANNELS, ORDER_STATUSES } from '@cop/config';
import type { OrderChannel, OrderStatus } from '@cop/config';

export { ORDER_CHANNELS, ORDER_STATUSES };
export type { OrderChannel, OrderStatus };
/** The channels a seller orders through in the console (and the two carts). */
export const SELLER_CHANNELS = ['individual', 'gov'] as const;
export type SellerChannel = (typeof SELLER_CHANNELS)[number];


export const PAYMENT_MODES = ['prepaid', 'credit'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];
export type BusinessMode = PaymentMode | 'either';

/** A line's fulfilment state (shared vocabulary): it follows a cancelled, rejected or timed-out order. */
export { LINE_STATUSES as FULFILMENT_STATUSES } from '@cop/config';
export type { LineStatus as FulfilmentStatus } from '@cop/config';
import type { LineStatus as FulfilmentStatus } from '@cop/config';

export const orderStatusChoices = enumChoices('order_status', ORDER_STATUSES);
/** 我的订单's channel filter: every channel its list shows, the mini program's 员工内购 included. */
export const sellerChannelChoices = enumChoices('order_channel', ORDER_CHANNELS);
export const paymentModeChoices = enumChoices('payment_mode', PAYMENT_MODES);

export const orderStatusColors = {
  pending_audit: 'warning',
  pending_payment: 'warning',
  paid: 'info',
  fulfilling: 'info',
  fulfilled: 'success',
  refund_pending: 'warning',
  partially_refunded: 'secondary',
  refunded: 'default',
  cancelled: 'default',
  rejected: 'error',
  closed: 'default',
} as const;

export const fulfilmentStatusColors = {
  pending: 'warning',
  fulfilled: 'success',
  partial: 'secondary',
  failed: 'error',
  refunded: 'default',
  cancelled: 'default',
  closed: 'default',
} as const;

/** The outcomes the supplier chooses in the fulfilment dialog (F92). */
export { FULFILMENT_OUTCOMES } from '@cop/config';
export type { FulfilmentOutcome } from '@cop/config';

export interface OrderLine {
  id: number;
  productId: number;
  productName: string;
  category?: string | null;
  isCombo?: boolean;
  strategyId: number;
  day?: string | null;
  quantity: number;
  unitPrice: number;
  amount: number;
  fulfilmentStatus: FulfilmentStatus;
  /** Units refunded so far and units left to refund (refunds by quantity). */
  refundedQuantity?: number;
  remainingQuantity?: number;
  /** Units neither used nor refunded: what an individual order refunds at once. */
  unusedQuantity?: number;
  /** Units used (fulfilled: every unit not refunded; partial: as the supplier said; failed: 0). */
  usedQuantity?: number | null;
  /** How the product reaches the customer: goods sent by courier go to the order's receiver. */
  fulfilmentMode?: 'code' | 'courier';
  failureReason?: string | null;
  confirmationCode?: string | null;
  courierCompany?: string | null;
  trackingNumber?: string | null;
  fulfilledAt?: string | null;
  /** The product's pictures, on the order page (GET /orders/:id/picture?fileId= serves them). */
  pictures?: UploadedFile[];
}

export interface OrderEvent {
  action: string;
  from?: OrderStatus | null;
  to: OrderStatus;
  actorId?: number | null;
  /** Who took the step: the user's name, or the system (the timeout job, a stopped partnership). */
  actorName?: string | null;
  /** The enterprise the user acted for (seller or supplier). */
  actorEnterpriseName?: string | null;
  reason?: string | null;
  at: string;
  /** Fulfilments and their corrections: the line, and what it said before and after. */
  lineId?: number | null;
  detail?: { before?: FulfilmentView; after?: FulfilmentView } | null;
}

/** A line's fulfilment as the order's history keeps it. */
export interface FulfilmentView {
  productName: string;
  status: FulfilmentStatus;
  usedQuantity?: number | null;
  confirmationCode?: string | null;
  courierCompany?: string | null;
  trackingNumber?: string | null;
  failureReason?: string | null;
}

/** An order as GET /orders answers (money in integer fen); `events` only on getOne. */
export interface OrderRecord {
  id: number;
  number: string;
  channel: OrderChannel;
  sellerId: number;
  supplierId: number;
  sellerName?: string | null;
  supplierName?: string | null;
  status: OrderStatus;
  paymentMode: PaymentMode;
  accountId?: number;
  totalAmount: number;
  paidAmount: number;
  refundedAmount: number;
  expiresAt?: string | null;
  customerName: string;
  customerPhone?: string | null;
  customerIdNo?: string | null;
  companyName?: string | null;
  invoiceTitle?: string | null;
  invoiceTaxNo?: string | null;
  visitDate?: string | null;
  remarks?: string | null;
  receiverName?: string | null;
  receiverPhone?: string | null;
  receiverAddress?: string | null;
  refundReason?: string | null;
  createdAt: string;
  lines: OrderLine[];
  events?: OrderEvent[];
}

/** One way the seller may order a catalogue product: a strategy of one channel with its price (fen) and limits. */
export interface Offer {
  strategyId: number;
  strategyName: string;
  channel: SellerChannel;
  businessMode: BusinessMode;
  requiresAudit: boolean;
  effectiveTo: string;
  price: number;
  minQuantity: number;
  maxQuantity?: number | null;
  dailyMax?: number | null;
}

/** A product the seller may order today (GET /catalogue). */
export interface CatalogueRecord {
  id: number;
  supplierId: number;
  supplierName?: string | null;
  category: string;
  isCombo: boolean;
  name: string;
  description?: string | null;
  referencePrice?: number | null;
  fulfilmentMode?: 'code' | 'courier';
  stockMode?: 'none' | 'total' | 'daily';
  comboItems?: { productId: number; quantity: number; name?: string | null }[] | null;
  /** The product's pictures (GET /catalogue/:id/picture?fileId= serves them). */
  pictureFiles?: UploadedFile[];
  offers: Offer[];
  [attribute: string]: unknown;
}

/** A line of the seller user's cart (GET /cart-items). */
export interface CartItem {
  id: number;
  channel: SellerChannel;
  productId: number;
  strategyId: number;
  day?: string | null;
  quantity: number;
  /** The price when the line was added or last saved (checkout refuses it once the strategy's price differs). */
  unitPrice: number;
  amount: number;
  productName?: string | null;
  /** courier: checking the line out asks for a receiver. */
  fulfilmentMode?: 'code' | 'courier' | null;
  supplierId?: number | null;
  supplierName?: string | null;
  /** false when the strategy is no longer in effect for this seller. */
  available: boolean;
  /** The strategy's price now (null when not available); saving the line takes it. */
  currentPrice?: number | null;
  createdAt?: string;
}

/** What POST /cart-items/checkout answers: one order per supplier. */
export interface CheckoutOrder {
  id: number;
  number: string;
  status: OrderStatus;
  totalAmount: number;
  supplierId: number;
}

/** The customer fields of an order (create only); gov orders add the company and the invoice. */
export const INDIVIDUAL_CUSTOMER_FIELDS = ['customerName', 'customerPhone', 'customerIdNo', 'visitDate', 'remarks'] as const;
export const GOV_CUSTOMER_FIELDS = [
  'companyName',
  'customerName',
  'customerPhone',
  'invoiceTitle',
  'invoiceTaxNo',
  'visitDate',
  'remarks',
] as const;
/** Who receives goods sent by courier (asked when a line's product is fulfilled by courier). */
export const RECEIVER_FIELDS = ['receiverName', 'receiverPhone', 'receiverAddress'] as const;

/** What the order form asks besides the lines: the receiver with courier goods, the 使用日期 only with products used on a day. */
export interface OrderFormNeeds {
  courier: boolean;
  visitDate: boolean;
}

/**
 * The customer fields of an order form: the channel's, without the 使用日期 when every product is
 * goods sent by courier, with the receiver when one is.
 */
export const customerFieldsOf = (channel: SellerChannel, needs: OrderFormNeeds = { courier: false, visitDate: true }): readonly string[] => [
  ...(channel === 'gov' ? GOV_CUSTOMER_FIELDS : INDIVIDUAL_CUSTOMER_FIELDS).filter((field) => needs.visitDate || field !== 'visitDate'),
  ...(needs.courier ? RECEIVER_FIELDS : []),
];

/** The form's needs from the fulfilment modes of its products (unknown counts as a confirmation code). */
export const orderFormNeeds = (modes: (string | null | undefined)[]): OrderFormNeeds => ({
  courier: modes.some((mode) => mode === 'courier'),
  visitDate: modes.some((mode) => mode !== 'courier'),
});

/** Text limits of the customer fields (as the server's resource declares them). */
export const CUSTOMER_MAX: Record<string, number> = {
  customerName: 50,
  customerPhone: 20,
  customerIdNo: 32,
  companyName: 100,
  invoiceTitle: 100,
  invoiceTaxNo: 32,
  remarks: 500,
  receiverName: 50,
  receiverPhone: 20,
  receiverAddress: 200,
};

/** The server's limit of reasons (reject, refund, cancel). */
export const REASON_MAX = 200;

/**
 * The console pages of the orders resource: the seller's 我的订单 and the supplier's three lists.
 * Notifications link to `/my-orders/<id>/show` and `/orders/<channel>/<id>/show`.
 */
export const SELLER_ORDERS_PAGE = 'my-orders';
export const supplierOrdersPage = (channel: OrderChannel) => `orders/${channel}`;
export const orderShowPath = (side: 'seller' | 'supplier', order: { id: number; channel: OrderChannel }) =>
  side === 'seller' ? `/${SELLER_ORDERS_PAGE}/${order.id}/show` : `/${supplierOrdersPage(order.channel)}/${order.id}/show`;

/** The seller's ordering pages (catalogue → order form) and carts of a channel. */
export const orderingPage = (channel: SellerChannel) => `order/${channel}`;
export const cartPage = (channel: SellerChannel) => (channel === 'gov' ? 'cart/gov' : 'cart');
