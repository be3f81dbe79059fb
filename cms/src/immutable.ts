import type { Core } from '@strapi/strapi';
import { DomainError, errors, Text } from '@cop/config';

const t = errors.text;

const LEDGER = t('账本记录不可手工修改：请通过人工调账等业务操作变更', 'Ledger records cannot be edited by hand: use a domain action such as a manual adjustment');
const STOCK = t('库存记录不可手工修改：请在控制台通过库存维护、订单等业务操作变更',
  'Stock records cannot be edited by hand: stock changes through stock maintenance and orders in the console');
const ORDERS = t('订单记录不可手工修改：订单只能通过订单流程（审核、支付、核销、退款、取消）变更',
  'Order records cannot be edited by hand: orders change only through their workflow (audit, pay, fulfil, refund, cancel)');
const SUMMARIES = t('销售汇总由订单自动生成，不可手工修改', 'Sales summaries are derived from the orders and cannot be edited by hand');
const INCENTIVES = t('激励明细由订单事件按激励规则生成，不可手工修改：请调整激励规则',
  'Incentive records are granted by the rules on order events and cannot be edited by hand: change the rules instead');
const HISTORY = t('历史记录不可手工修改', 'History records cannot be edited by hand');

/**
 * The records the platform's books are made of: written only by the plugin services (through
 * `strapi.db.query` / knex, which the document service does not see), never by the admin panel or any
 * other caller of the document service — whatever the admin role. Each uid with the message the panel shows.
 */
export const IMMUTABLE: Readonly<Record<string, Text>> = {
  'plugin::ledger.transfer': LEDGER,
  'plugin::ledger.account': LEDGER,
  'plugin::ledger.account-change': LEDGER,
  'plugin::inventory.stock-item': STOCK,
  'plugin::inventory.stock-movement': STOCK,
  'plugin::inventory.stock-reservation': STOCK,
  'plugin::orders.order': ORDERS,
  'plugin::orders.order-line': ORDERS,
  'plugin::orders.order-event': ORDERS,
  'plugin::orders.order-request': ORDERS,
  'plugin::orders.sales-day': SUMMARIES,
  'plugin::orders.product-sales-day': SUMMARIES,
  'plugin::incentives.incentive-record': INCENTIVES,
  'plugin::identity.partnership-event': HISTORY,
};

/** What the document service may still do on them: read. Everything else (create, update, delete, clone, publish...) is refused. */
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export function immutableRecord(uid: string): DomainError {
  return new DomainError(403, 'IMMUTABLE_RECORD', IMMUTABLE[uid]);
}

/**
 * One document-service middleware for every immutable type: the content manager (the admin panel's
 * create, edit, clone, delete and bulk delete) goes through the document service, so it gets a 403 with
 * the message above; the domain services keep writing through the query engine.
 */
export function guardImmutableRecords(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (Object.prototype.hasOwnProperty.call(IMMUTABLE, context.uid) && !READS.has(context.action)) throw immutableRecord(context.uid);
    return next();
  });
}
