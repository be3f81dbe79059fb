import type { Core } from '@strapi/types';
import { DomainError, errors, FieldErrors, invalid, isDomainError } from '@cop/config';
import { checkInput } from '@cop/plugin-console';
import type { Principal } from '@cop/plugin-console';
import { CHECKOUT } from '../fields';

export const CART = 'plugin::orders.cart-item';
const t = errors.text;
const MAX_ITEMS = 100;
/** What a checkout sends besides `ids` and `channel`: the order form's fields. */
const cartChanged = () => new DomainError(409, 'CART_CHANGED', t(
  '购物车已变化：这些商品可能已在别处下单或被删除，请刷新购物车后重试',
  'The cart changed: these lines may have been ordered elsewhere or removed; refresh the cart and try again',
));

/** Separate individual and gov carts per seller user; checkout makes one order per supplier. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The offer behind a cart line as of now, or why there is none. */
  async offerFor(principal: Principal, item: { channel: string; productId: number; strategyId: number }) {
    const offers = await strapi.plugin('catalogue').service('strategies').offers(principal.enterpriseId, new Date(), { channel: item.channel, productIds: [item.productId] });
    return (offers as any[]).find((o) => o.strategyId === item.strategyId) ?? null;
  },

  async add(principal: Principal, data: Record<string, any>) {
    if ((await strapi.db.query(CART).count({ where: { userId: principal.userId } })) >= MAX_ITEMS) throw invalid({ productId: t(`购物车最多 ${MAX_ITEMS} 行`, `the cart holds at most ${MAX_ITEMS} lines`) });
    const offer = await this.offerFor(principal, data as any);
    if (!offer) throw invalid({ strategyId: t('该产品当前不能通过此策略订购', 'cannot be ordered through this strategy now') });
    const problems: FieldErrors = {};
    if (data.quantity < offer.minQuantity || (offer.maxQuantity && data.quantity > offer.maxQuantity)) problems.quantity = t(`数量应在 ${offer.minQuantity}–${offer.maxQuantity ?? '不限'} 之间`, `must be from ${offer.minQuantity} to ${offer.maxQuantity ?? 'any'}`);
    if (Object.keys(problems).length) throw invalid(problems);
    return strapi.db.query(CART).create({ data: { ...data, userId: principal.userId, sellerId: principal.enterpriseId, unitPrice: offer.price } });
  },

  async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>) {
    const merged = { ...existing, ...data } as { channel: string; productId: number; strategyId: number; quantity: number };
    const offer = await this.offerFor(principal, merged);
    if (!offer) throw invalid({ strategyId: t('该产品当前不能通过此策略订购', 'cannot be ordered through this strategy now') });
    if (merged.quantity < offer.minQuantity || (offer.maxQuantity && merged.quantity > offer.maxQuantity)) throw invalid({ quantity: t(`数量应在 ${offer.minQuantity}–${offer.maxQuantity ?? '不限'} 之间`, `must be from ${offer.minQuantity} to ${offer.maxQuantity ?? 'any'}`) });
    return strapi.db.query(CART).update({ where: { id: existing.id }, data: { ...data, unitPrice: offer.price } });
  },

  /**
   * The checkout body, checked by the same declaration as the verb's body (CHECKOUT in ../fields): the line
   * ids, the channel, the payment mode and the customer fields; unknown fields and NUL are refused.
   */
  checkoutInput(body: unknown) {
    const { ids, channel, ...customer } = checkInput(CHECKOUT, body);
    if (!(ids as number[]).length) throw invalid({ ids: t('请选择要下单的购物车商品', 'choose the cart lines to order') });
    return { ids: ids as number[], channel: channel as 'individual' | 'gov', customer };
  },

  /**
   * Claim the chosen lines inside the checkout's transaction: lock them (PostgreSQL; SQLite runs one
   * writer at a time) and read them afresh. A concurrent checkout that took them first has deleted
   * them by then, so of N checkouts of the same lines exactly one orders them; the others get 409.
   */
  async claim(principal: Principal, ids: number[], channel: string, trx: any) {
    if (strapi.db.dialect.client === 'postgres') {
      await trx('cart_items').whereIn('id', ids).andWhere('user_id', principal.userId).orderBy('id').forUpdate().select('id');
    }
    const rows = (await strapi.db.query(CART).findMany({ where: { id: { $in: ids } }, orderBy: { id: 'asc' } })) as any[];
    if (rows.some((row) => row.userId !== principal.userId || row.channel !== channel)) {
      throw invalid({ ids: t('包含不在此购物车中的商品', 'includes lines that are not in this cart') });
    }
    if (rows.length !== ids.length) throw cartChanged();
    return rows;
  },

  /**
   * Check out selected lines of one cart: prices are re-checked (a changed price or a strategy no
   * longer effective is reported per line, nothing is ordered), then one order per supplier, all in one
   * transaction that first claims the lines; the ordered lines leave the cart.
   */
  async checkout(principal: Principal, body: Record<string, any>, idempotencyKey?: string) {
    const orders = strapi.plugin('orders').service('orders');
    // a retry with the same key and body answers the orders it made (its cart lines are gone by
    // then); the same key with another body is a 422
    if (idempotencyKey) {
      const replayed = [];
      for (let n = 1; n <= MAX_ITEMS; n += 1) {
        const order = await orders.remembered(`seller:${principal.enterpriseId}`, `${idempotencyKey}:${n}`, 'checkout', body);
        if (!order) break;
        replayed.push(order);
      }
      if (replayed.length) return replayed;
    }
    const { ids, channel, customer } = this.checkoutInput(body);
    return strapi.db.transaction(async ({ trx }) => {
      const items = await this.claim(principal, ids, channel, trx);
      // one lookup of today's offers for every line, used for the checks and for grouping by supplier
      const offers = await strapi.plugin('catalogue').service('strategies')
        .offers(principal.enterpriseId, new Date(), { channel, productIds: items.map((i) => i.productId) });
      const offerOf = (item: any) =>
        (offers as any[]).find((o) => o.productId === item.productId && o.strategyId === item.strategyId) ?? null;
      const problems: FieldErrors = {};
      for (const item of items) {
        const offer = offerOf(item);
        if (!offer) problems[`items.${item.id}.strategyId`] = t('销售策略已失效，请重新选择', 'the strategy is no longer in effect');
        else if (offer.price !== item.unitPrice) {
          const [was, now] = [(item.unitPrice / 100).toFixed(2), (offer.price / 100).toFixed(2)];
          problems[`items.${item.id}.unitPrice`] = t(`价格已由 ${was} 元变为 ${now} 元`, `the price changed from ${was} to ${now} yuan`);
        }
      }
      // nothing is ordered; the seller reviews the lines (the cart shows currentPrice) and saves them,
      // which takes the current price, then checks out again
      if (Object.keys(problems).length) {
        throw invalid(problems, t('部分商品的价格或策略已变化，请确认后重新下单', 'Some prices or strategies changed: review the cart and order again'));
      }
      const bySupplier = new Map<number, any[]>();
      for (const item of items) {
        const offer = offerOf(item);
        bySupplier.set(offer.supplierId, [...(bySupplier.get(offer.supplierId) ?? []), item]);
      }
      const created = [];
      let n = 0;
      for (const group of bySupplier.values()) {
        n += 1;
        try {
          created.push(await orders.create(principal, {
            channel, ...customer,
            lines: group.map((item) => ({ productId: item.productId, strategyId: item.strategyId, quantity: item.quantity, day: item.day, unitPrice: item.unitPrice })),
          }, { idempotencyKey: idempotencyKey ? `${idempotencyKey}:${n}` : undefined, idempotencyAction: 'checkout', requestBody: body }));
        } catch (error) {
          // name the cart lines behind an order-line error
          if (isDomainError(error) && Object.keys(error.fields).length) {
            throw error.withFields((field) => {
              const m = /^lines\.(\d+)\.(.+)$/.exec(field);
              return m ? `items.${group[Number(m[1])].id}.${m[2]}` : field;
            });
          }
          throw error;
        }
      }
      // the claim's rows, and only they, leave the cart; anything else undoes the whole checkout
      const { count } = await strapi.db.query(CART).deleteMany({ where: { id: { $in: ids }, userId: principal.userId } });
      if (count !== items.length) throw cartChanged();
      return created;
    });
  },
});
