import type { Core } from '@strapi/types';
import { shanghaiDay } from '@cop/config';
import type { OrderFacts } from './subscribers';
import { SOLD_STATUSES } from './reports';

/** The refunded amount of a line `l`: all of it once refunded, else its refunded units at its unit price. */
const REFUNDED_SQL = "case when l.fulfilment_status = 'refunded' then l.amount else l.unit_price * coalesce(l.refunded_quantity, 0) end";
/** The refunded units of a line `l`: all once refunded, else those refunded so far. */
const REFUNDED_QUANTITY_SQL = "case when l.fulfilment_status = 'refunded' then l.quantity else coalesce(l.refunded_quantity, 0) end";

type Counts = { orders: number; quantity: number; amount: number; refunded: number; refunded_quantity: number };

/**
 * The sales summaries reports read (sales_days, product_sales_days): a payment adds its order, a
 * refund adds the refunded amount, each by an upsert in the order's own transaction, taken last so
 * that the rows are held briefly. `rebuild` recomputes them from the orders (after a bulk load, or
 * to repair), and `check` compares them with the orders.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const bump = (trx: any, table: string, keys: Record<string, unknown>, counts: Counts, extra: Record<string, unknown> = {}) => {
    const now = new Date();
    const key = Object.values(keys).join(':');
    return trx(table).insert({ document_id: `${table}:${key}`, ...keys, ...extra, ...counts, created_at: now, updated_at: now })
      .onConflict(Object.keys(keys))
      .merge({
        orders: trx.raw(`${table}.orders + ?`, [counts.orders]),
        quantity: trx.raw(`${table}.quantity + ?`, [counts.quantity]),
        amount: trx.raw(`${table}.amount + ?`, [counts.amount]),
        refunded: trx.raw(`${table}.refunded + ?`, [counts.refunded]),
        refunded_quantity: trx.raw(`${table}.refunded_quantity + ?`, [counts.refunded_quantity]),
        updated_at: now,
      });
  };

  const add = async (facts: OrderFacts, lines: OrderFacts['lines'], counts: (lines: OrderFacts['lines']) => Counts) => {
    await strapi.db.transaction(async ({ trx }) => {
      await bump(trx, 'sales_days', { supplier_id: facts.supplierId, day: facts.day, seller_id: facts.sellerId, channel: facts.channel }, counts(lines));
      const byProduct = new Map<number, OrderFacts['lines']>();
      for (const line of lines) byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
      for (const [productId, group] of [...byProduct].sort((a, b) => a[0] - b[0])) {
        for (const [side, enterpriseId] of [['supplier', facts.supplierId], ['seller', facts.sellerId]] as const) {
          await bump(trx, 'product_sales_days', { side, enterprise_id: enterpriseId, day: facts.day, product_id: productId }, counts(group), { product_name: group[0].productName });
        }
      }
    });
  };

  return {
    /** A paid order: one order, its quantities and amounts. */
    onPaid: (facts: OrderFacts) => add(facts, facts.lines, (lines) => ({
      orders: 1, quantity: lines.reduce((s, l) => s + l.quantity, 0), amount: lines.reduce((s, l) => s + l.amount, 0), refunded: 0,
      refunded_quantity: 0,
    })),

    /**
     * A refund: what it returned of each line moves to `refunded` and its units to `refunded_quantity`
     * (net = gross − refunded); `refunds` per line and unit; an event without them refunded the named
     * lines whole.
     */
    onRefunded: (facts: OrderFacts, lineIds: number[], refunds?: { lineId: number; quantity: number; amount: number }[]) => {
      const given = refunds ?? lineIds.map((id) => {
        const line = facts.lines.find((l) => l.id === id);
        return { lineId: id, quantity: line?.quantity ?? 0, amount: line?.amount ?? 0 };
      });
      const byLine = new Map(given.map((r) => [r.lineId, r]));
      const refunded = facts.lines.filter((l) => byLine.has(l.id));
      if (!refunded.length) return Promise.resolve();
      const sum = (lines: OrderFacts['lines'], part: 'amount' | 'quantity') => lines.reduce((s, l) => s + (byLine.get(l.id)?.[part] ?? 0), 0);
      return add(facts, refunded, (lines) => ({ orders: 0, quantity: 0, amount: 0, refunded: sum(lines, 'amount'), refunded_quantity: sum(lines, 'quantity') }));
    },

    /** Recompute both summaries from the orders (all, or one supplier's). */
    async rebuild(supplierId?: number) {
      const knex = strapi.db.connection;
      const client = strapi.db.dialect.client;
      const epoch = client === 'postgres' ? 'extract(epoch from o.created_at)' : "(case when typeof(o.created_at) in ('integer','real') then o.created_at / 1000 else strftime('%s', o.created_at) end)";
      const day = client === 'postgres'
        ? `to_char(to_timestamp(floor((${epoch} + 28800) / 86400) * 86400) at time zone 'UTC', 'YYYY-MM-DD')`
        : `strftime('%Y-%m-%d', floor((${epoch} + 28800) / 86400) * 86400, 'unixepoch')`;
      const scope = supplierId ? 'and o.supplier_id = ?' : '';
      const bindings = [...SOLD_STATUSES, ...(supplierId ? [supplierId] : [])];
      const marks = SOLD_STATUSES.map(() => '?').join(', ');
      const refunded = `sum(${REFUNDED_SQL})`;
      const refundedQuantity = `sum(${REFUNDED_QUANTITY_SQL})`;
      await strapi.db.transaction(async ({ trx }) => {
        await trx('sales_days').where(supplierId ? { supplier_id: supplierId } : {}).delete();
        await trx('product_sales_days').where(supplierId ? { side: 'supplier', enterprise_id: supplierId } : {}).delete();
        if (supplierId) await trx('product_sales_days').where('side', 'seller').whereIn('enterprise_id', trx('orders').distinct('seller_id').where('supplier_id', supplierId)).delete();
        await trx.raw(`insert into sales_days (document_id, supplier_id, day, seller_id, channel, orders, quantity, amount, refunded, refunded_quantity, created_at, updated_at)
          select 'sales_days:' || x.supplier_id || ':' || x.day || ':' || x.seller_id || ':' || x.channel, x.*, ?, ? from (
            select o.supplier_id, ${day} as day, o.seller_id, o.channel, count(distinct o.id) as orders, sum(l.quantity) as quantity, sum(l.amount) as amount, ${refunded} as refunded,
              ${refundedQuantity} as refunded_quantity
            from orders o join order_lines l on l.order_id = o.id where o.state in (${marks}) ${scope}
            group by o.supplier_id, ${day}, o.seller_id, o.channel) x`, [new Date(), new Date(), ...bindings]);
        for (const [side, column] of [['supplier', 'o.supplier_id'], ['seller', 'o.seller_id']]) {
          // a supplier's rebuild recomputes its sellers' product rows from all their orders
          const sideScope = supplierId ? (side === 'supplier' ? 'and o.supplier_id = ?' : 'and o.seller_id in (select distinct seller_id from orders where supplier_id = ?)') : '';
          await trx.raw(`insert into product_sales_days (document_id, side, enterprise_id, day, product_id, product_name, orders, quantity, amount, refunded, refunded_quantity, created_at, updated_at)
            select 'product_sales_days:' || x.side || ':' || x.enterprise_id || ':' || x.day || ':' || x.product_id, x.*, ?, ? from (
              select '${side}' as side, ${column} as enterprise_id, ${day} as day, l.product_id, max(l.product_name) as product_name,
                     count(distinct o.id) as orders, sum(l.quantity) as quantity, sum(l.amount) as amount, ${refunded} as refunded,
                     ${refundedQuantity} as refunded_quantity
              from orders o join order_lines l on l.order_id = o.id where o.state in (${marks}) ${sideScope}
              group by ${column}, ${day}, l.product_id) x`, [new Date(), new Date(), ...bindings]);
        }
      });
    },

    /** At start-up: when the summaries are empty but paid orders exist, rebuild them. */
    async ensureBuilt() {
      const knex = strapi.db.connection;
      const [rows] = await knex('sales_days').count({ n: '*' });
      if (Number((rows as any)?.n ?? 0)) return false;
      const [sold] = await knex('orders').whereIn('state', SOLD_STATUSES).count({ n: '*' });
      if (!Number((sold as any)?.n ?? 0)) return false;
      strapi.log.info('orders: building the sales summaries from the existing orders');
      await this.rebuild();
      return true;
    },

    /** Rows where the summaries and the orders disagree (empty when they agree). */
    async check() {
      const knex = strapi.db.connection;
      const totals = async (table: string, where: Record<string, unknown> = {}) => {
        const [row] = await knex(table).where(where)
          .sum({ orders: 'orders', quantity: 'quantity', amount: 'amount', refunded: 'refunded', refunded_quantity: 'refunded_quantity' });
        return {
          orders: Number(row?.orders ?? 0), quantity: Number(row?.quantity ?? 0), amount: Number(row?.amount ?? 0), refunded: Number(row?.refunded ?? 0),
          refunded_quantity: Number(row?.refunded_quantity ?? 0),
        };
      };
      const [plain] = await knex('orders as o').join('order_lines as l', 'l.order_id', 'o.id').whereIn('o.state', SOLD_STATUSES)
        .countDistinct({ orders: 'o.id' }).sum({ quantity: 'l.quantity', amount: 'l.amount' })
        .sum({ refunded: knex.raw(REFUNDED_SQL) })
        .sum({ refunded_quantity: knex.raw(REFUNDED_QUANTITY_SQL) });
      const expected = {
        orders: Number(plain?.orders ?? 0), quantity: Number(plain?.quantity ?? 0), amount: Number(plain?.amount ?? 0), refunded: Number(plain?.refunded ?? 0),
        refunded_quantity: Number(plain?.refunded_quantity ?? 0),
      };
      const out: { table: string; expected: Counts; actual: Counts }[] = [];
      const days = await totals('sales_days');
      if (JSON.stringify(days) !== JSON.stringify(expected)) out.push({ table: 'sales_days', expected, actual: days });
      const products = await totals('product_sales_days', { side: 'supplier' });
      // orders per product count an order once per product it contains: compare the sums that add up
      if (products.quantity !== expected.quantity || products.amount !== expected.amount || products.refunded !== expected.refunded
        || products.refunded_quantity !== expected.refunded_quantity) out.push({ table: 'product_sales_days', expected, actual: products });
      return out;
    },

    dayOf: (createdAt: string | Date) => shanghaiDay(new Date(createdAt)),
  };
};
