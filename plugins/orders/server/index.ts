import type { Core } from '@strapi/types';
import order from './content-types/order/schema.json';
import orderLine from './content-types/order-line/schema.json';
import orderEvent from './content-types/order-event/schema.json';
import orderRequest from './content-types/order-request/schema.json';
import cartItem from './content-types/cart-item/schema.json';
import cart from './services/cart';
import mini from './services/mini';
import { miniController, miniOpenApi, miniRoutes } from './mini';
import orders from './services/orders';
import subscribers from './services/subscribers';
import reports from './services/reports';
import summaries from './services/summaries';
import salesDay from './content-types/sales-day/schema.json';
import productSalesDay from './content-types/product-sales-day/schema.json';
import resources from './resources';

export { TRANSITIONS } from './services/orders';
export type { OrderFacts, OrderSubscriber, OrderEventName } from './services/subscribers';

/**
 * Order lifecycle: one explicit state machine; creation reserves stock and freezes money, payment
 * captures and consumes, cancellation / rejection / timeout release — each in one transaction.
 */
export default {
  contentTypes: {
    order: { schema: order },
    'order-line': { schema: orderLine },
    'order-event': { schema: orderEvent },
    'order-request': { schema: orderRequest },
    'sales-day': { schema: salesDay },
    'product-sales-day': { schema: productSalesDay },
    'cart-item': { schema: cartItem },
  },
  services: { orders, cart, mini, subscribers, reports, summaries },
  controllers: { mini: miniController },
  routes: { 'content-api': { type: 'content-api', routes: miniRoutes } },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    // a database with paid orders from before the summaries existed (or restored without them): build them once
    await strapi.plugin('orders').service('summaries').ensureBuilt();
    strapi.plugin('console').service('openapi').addPaths(miniOpenApi);
    // the report summaries move with each payment and refund (last in the order's transaction)
    const events = strapi.plugin('orders').service('subscribers');
    const summary = () => strapi.plugin('orders').service('summaries');
    events.on('paid', (facts: any) => summary().onPaid(facts));
    events.on('refunded', (facts: any, detail: any) => summary().onRefunded(facts, detail.lineIds ?? [], detail.refunds));
    // a stopped partnership closes its unpaid orders, in the stop's transaction (identity does not import orders)
    strapi.plugin('identity').service('partnerships').onStop(({ supplierId, sellerId, reason, principal }: any) =>
      strapi.plugin('orders').service('orders').closeUnpaidOfPair(supplierId, sellerId, reason, principal));
    strapi.plugin('scheduler').service('jobs').define({
      name: 'orders.close-expired',
      cron: '* * * * *',
      run: ({ now }: { now: Date }) => strapi.plugin('orders').service('orders').closeExpired(now),
    });
  },
};
