import type { Core } from '@strapi/types';
import stockPolicy from './content-types/stock-policy/schema.json';
import stockItem from './content-types/stock-item/schema.json';
import stockReservation from './content-types/stock-reservation/schema.json';
import stockMovement from './content-types/stock-movement/schema.json';
import stock from './services/stock';
import { stockDays, stockMovements } from './resources';

export type { ReserveLine, MaintainInput, StockMode } from './services/stock';
export { TOTAL, isDay, daysBetween } from './services/stock';

/**
 * Stock calendar: stock rows, reservations and movements; reserve / release / consume in the caller's
 * transaction. It knows products only by id and nothing of orders.
 */
export default {
  contentTypes: {
    'stock-policy': { schema: stockPolicy },
    'stock-item': { schema: stockItem },
    'stock-reservation': { schema: stockReservation },
    'stock-movement': { schema: stockMovement },
  },
  services: { stock },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(stockDays, stockMovements);
    strapi.plugin('scheduler').service('jobs').define({
      name: 'inventory.expire-reservations',
      cron: '* * * * *',
      run: ({ now }: { now: Date }) => strapi.plugin('inventory').service('stock').expire(now),
    });
  },
};
