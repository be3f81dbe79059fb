import type { Core } from '@strapi/types';
import { DomainError, errors, invalid, FieldErrors, isDay, shanghaiDay } from '@cop/config';

export const POLICY = 'plugin::inventory.stock-policy';
export const ITEM = 'plugin::inventory.stock-item';
export const RESERVATION = 'plugin::inventory.stock-reservation';
export const MOVEMENT = 'plugin::inventory.stock-movement';
export const TOTAL = 'total';
export const MAX_QUANTITY = 1_000_000;
export const MAX_RANGE_DAYS = 366;
export type StockMode = 'none' | 'total' | 'daily';

const t = errors.text;

export interface ReserveLine {
  /** The caller's unique key for this line (e.g. order line id); release/consume use it. */
  reference: string;
  productId: number;
  quantity: number;
  /** YYYY-MM-DD, required for daily stock. */
  day?: string | null;
}

export interface MaintainInput {
  productId: number;
  supplierId: number;
  /** set: the day's (or the total's) stock becomes `quantity`; add: it grows (or shrinks) by `quantity`. */
  mode: 'set' | 'add';
  quantity: number;
  from?: string;
  to?: string;
  operatorId?: number;
  note?: string;
}

export { isDay };

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

const outOfStock = (lines: { productId: number; slot: string; wanted: number; available: number }[]) => new DomainError(409, 'OUT_OF_STOCK',
  t(`库存不足：${lines.map((l) => `产品 ${l.productId}${l.slot === TOTAL ? '' : ` ${l.slot}`} 需要 ${l.wanted}，可用 ${l.available}`).join('；')}`,
    `Not enough stock: ${lines.map((l) => `product ${l.productId}${l.slot === TOTAL ? '' : ` on ${l.slot}`} needs ${l.wanted}, ${l.available} available`).join('; ')}`),
  // the line's field message names the figures (the console shows it next to the quantity)
  { quantity: t(lines.map((l) => `需要 ${l.wanted}，可用 ${l.available}`).join('；'),
    lines.map((l) => `need ${l.wanted}, ${l.available} available`).join('; ')) }, { lines });

/**
 * The stock calendar. Counters live on one row per (product, day) or (product, 'total'); every change
 * is a guarded UPDATE in the caller's transaction plus a movement row, so concurrent callers can never
 * take more than `total - reserved - sold`, and the movements always sum to the counters.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async setPolicy(productId: number, supplierId: number, mode: StockMode) {
    const existing = await strapi.db.query(POLICY).findOne({ where: { productId } });
    if (existing && existing.mode === mode) return existing;
    if (existing) {
      const active = await strapi.db.query(RESERVATION).count({ where: { productId, state: 'active' } });
      if (active) throw invalid({ stockMode: t('有未完成的预占，不能更改库存管理方式', 'cannot change while stock is reserved') });
      return strapi.db.query(POLICY).update({ where: { id: existing.id }, data: { mode } });
    }
    return strapi.db.query(POLICY).create({ data: { productId, supplierId, mode } });
  },

  async policies(productIds: number[]): Promise<Map<number, { productId: number; supplierId: number; mode: StockMode }>> {
    const rows = productIds.length ? await strapi.db.query(POLICY).findMany({ where: { productId: { $in: [...new Set(productIds)] } } }) : [];
    return new Map((rows as any[]).map((row) => [row.productId, row]));
  },

  /**
   * What is left to order: for the day (daily stock) or in total; null when the product's stock is not managed
   * (or a daily product is asked without a day).
   */
  async available(productId: number, day?: string): Promise<number | null> {
    const policy = (await this.policies([productId])).get(productId);
    if (!policy || policy.mode === 'none' || (policy.mode === 'daily' && !isDay(day))) return null;
    const row: any = await strapi.db.query(ITEM).findOne({ where: { productId, slot: policy.mode === 'daily' ? day : TOTAL } });
    return row ? Math.max(0, Number(row.total) - Number(row.reserved) - Number(row.sold)) : 0;
  },

  /** Set or add stock for a day range (daily) or the total, all or nothing, never below what is taken. */
  async maintain(input: MaintainInput) {
    const problems: FieldErrors = {};
    if (input.mode !== 'set' && input.mode !== 'add') problems.mode = t('应为 set 或 add', 'must be set or add');
    if (!Number.isSafeInteger(input.quantity) || Math.abs(input.quantity) > MAX_QUANTITY) problems.quantity = t(`应为不超过 ${MAX_QUANTITY} 的整数`, `must be a whole number up to ${MAX_QUANTITY}`);
    else if (input.mode === 'set' && input.quantity < 0) problems.quantity = t('不能为负数', 'cannot be negative');
    const policy = (await this.policies([input.productId])).get(input.productId);
    if (!policy || policy.supplierId !== input.supplierId) throw errors.notFound('product', input.productId);
    if (policy.mode === 'none') problems.productId = t('该产品不由平台管理库存', 'is not stock-managed by the platform');
    let slots = [TOTAL];
    if (policy.mode === 'daily') {
      if (!isDay(input.from)) problems.from = t('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)');
      if (!isDay(input.to)) problems.to = t('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)');
      if (!problems.from && !problems.to) {
        // stock is for days still to come: nothing can be sold on a past day (Asia/Shanghai)
        const today = shanghaiDay(new Date());
        const past = t(`不能早于今天（${today}）：过去的日期不能维护库存`, `must not be before today (${today}): past days take no stock`);
        if (input.from! < today) problems.from = past;
        if (input.to! < today) problems.to = past;
      }
      if (!problems.from && !problems.to) {
        if (input.to! < input.from!) problems.to = t('结束日期不能早于开始日期', 'must not be before from');
        else if (daysBetween(input.from!, input.to!).length > MAX_RANGE_DAYS) problems.to = t(`一次最多维护 ${MAX_RANGE_DAYS} 天`, `the range may cover at most ${MAX_RANGE_DAYS} days`);
        else slots = daysBetween(input.from!, input.to!);
      }
    }
    if (Object.keys(problems).length) throw invalid(problems);

    return strapi.db.transaction(async ({ trx }) => {
      // lock the existing rows in a fixed order, create the missing ones
      const existing = await trx('stock_items').where({ product_id: input.productId }).whereIn('slot', slots).orderBy('slot').forUpdate()
        .select('id', 'slot', 'total', 'reserved', 'sold');
      const bySlot = new Map(existing.map((row: any) => [row.slot, row]));
      const below: string[] = [];
      const changes: { slot: string; id?: number; total: number; delta: number }[] = [];
      for (const slot of slots) {
        const row: any = bySlot.get(slot) ?? { total: 0, reserved: 0, sold: 0 };
        const total = input.mode === 'set' ? input.quantity : Number(row.total) + input.quantity;
        if (total < Number(row.reserved) + Number(row.sold)) below.push(`${slot === TOTAL ? '' : slot}（已占用 ${Number(row.reserved) + Number(row.sold)}）`);
        else if (total !== Number(row.total) || !row.id) changes.push({ slot, id: row.id, total, delta: total - Number(row.total) });
      }
      if (below.length) {
        throw invalid({ quantity: t(`不能低于已预占和已售数量：${below.join('、')}`, `cannot go below what is already reserved or sold: ${below.join(', ')}`) });
      }
      const now = new Date();
      const fresh = changes.filter((c) => !c.id);
      if (fresh.length) {
        await strapi.db.query(ITEM).createMany({ data: fresh.map((c) => ({ productId: input.productId, supplierId: input.supplierId, slot: c.slot, total: c.total, reserved: 0, sold: 0 })) });
      }
      for (const change of changes.filter((c) => c.id)) {
        await trx('stock_items').where({ id: change.id }).update({ total: change.total, updated_at: now });
      }
      const moved = changes.filter((c) => c.delta !== 0);
      if (moved.length) {
        await strapi.db.query(MOVEMENT).createMany({ data: moved.map((c) => ({
          productId: input.productId, supplierId: input.supplierId, slot: c.slot, kind: 'adjust', totalDelta: c.delta,
          reservedDelta: 0, soldDelta: 0, operatorId: input.operatorId ?? null, note: input.note ?? null,
        })) });
      }
      return { changed: moved.length, slots: slots.length };
    });
  },

  /**
   * Reserve several lines at once, all or nothing, inside the caller's transaction. Quantities are
   * summed per stock row before checking, rows are updated in a fixed order (no deadlocks), and each
   * update is guarded by `total - reserved - sold >= quantity`.
   */
  /**
   * `policies`: the lines' stock policies when the caller has just read them (orders' offers query);
   * `fresh`: the references are new (rows created in this transaction), so no lookup for a taken one.
   */
  async reserve(lines: ReserveLine[], options: { expiresAt: Date; policies?: Map<number, { productId: number; supplierId: number; mode: StockMode } | null>; fresh?: boolean }) {
    const problems: FieldErrors = {};
    if (!Array.isArray(lines) || !lines.length || lines.length > 200) throw invalid({ lines: t('应为 1–200 行', 'must hold 1 to 200 lines') });
    const references = new Set<string>();
    lines.forEach((line, i) => {
      if (typeof line.reference !== 'string' || !line.reference || line.reference.length > 100 || references.has(line.reference)) problems[`lines.${i}.reference`] = t('应为唯一的引用', 'must be a unique reference');
      references.add(line.reference);
      if (!Number.isSafeInteger(line.productId) || line.productId < 1) problems[`lines.${i}.productId`] = t('应为产品编号', 'must be a product id');
      if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) problems[`lines.${i}.quantity`] = t('应为正整数', 'must be a positive whole number');
    });
    if (Object.keys(problems).length) throw invalid(problems);
    const given = options.policies;
    const policies = given && lines.every((l) => given.get(l.productId)) ? given : await this.policies(lines.map((l) => l.productId));
    const resolved = lines.map((line, i) => {
      const policy = policies.get(line.productId);
      if (!policy) { problems[`lines.${i}.productId`] = t('产品不存在', 'is not a known product'); return null; }
      if (policy.mode === 'daily' && !isDay(line.day)) { problems[`lines.${i}.day`] = t('日库存产品需要选择日期', 'is required for products with daily stock'); return null; }
      return { ...line, supplierId: policy.supplierId, managed: policy.mode !== 'none', slot: policy.mode === 'daily' ? line.day! : TOTAL };
    });
    if (Object.keys(problems).length) throw invalid(problems);
    const ready = resolved as NonNullable<(typeof resolved)[number]>[];

    const wanted = new Map<string, { productId: number; supplierId: number; slot: string; quantity: number }>();
    for (const line of ready.filter((l) => l.managed)) {
      const key = `${String(line.productId).padStart(12, '0')}|${line.slot}`;
      const entry = wanted.get(key) ?? { productId: line.productId, supplierId: line.supplierId, slot: line.slot, quantity: 0 };
      entry.quantity += line.quantity;
      wanted.set(key, entry);
    }
    return strapi.db.transaction(async ({ trx }) => {
      if (!options.fresh) {
        const taken = await strapi.db.query(RESERVATION).count({ where: { reference: { $in: [...references] } } });
        if (taken) throw errors.conflict('预占引用已存在', 'A reservation with this reference already exists');
      }
      // rows first, counters last: the contended stock rows stay locked for as short a time as possible
      // (a refusal below rolls these inserts back with everything else)
      await strapi.db.query(RESERVATION).createMany({ data: ready.map((line) => ({
        reference: line.reference, productId: line.productId, supplierId: line.supplierId, slot: line.slot, quantity: line.quantity,
        managed: line.managed, state: 'active', expiresAt: options.expiresAt,
      })) });
      const managed = ready.filter((l) => l.managed);
      if (managed.length) {
        await strapi.db.query(MOVEMENT).createMany({ data: managed.map((line) => ({
          productId: line.productId, supplierId: line.supplierId, slot: line.slot, kind: 'reserve',
          totalDelta: 0, reservedDelta: line.quantity, soldDelta: 0, reference: line.reference,
        })) });
      }
      const short: { productId: number; slot: string; wanted: number; available: number }[] = [];
      const now = new Date();
      for (const key of [...wanted.keys()].sort()) {
        const entry = wanted.get(key)!;
        const updated = await trx('stock_items')
          .where({ product_id: entry.productId, slot: entry.slot })
          .andWhereRaw('total - reserved - sold >= ?', [entry.quantity])
          .update({ reserved: trx.raw('reserved + ?', [entry.quantity]), updated_at: now });
        if (!updated) {
          const row = await trx('stock_items').where({ product_id: entry.productId, slot: entry.slot }).first('total', 'reserved', 'sold');
          short.push({ productId: entry.productId, slot: entry.slot, wanted: entry.quantity, available: row ? Number(row.total) - Number(row.reserved) - Number(row.sold) : 0 });
        }
      }
      if (short.length) throw outOfStock(short);
      return { reserved: ready.length };
    });
  },

  /** Release active reservations (cancelled, rejected, timed out). Already resolved ones are skipped. */
  release(references: string[], kind: 'release' | 'expire' = 'release') {
    return this.resolve(references, kind === 'expire' ? 'expired' : 'released', kind);
  },

  /** Turn active reservations into sales (paid). */
  consume(references: string[]) {
    return this.resolve(references, 'consumed', 'consume');
  },

  /** Put sold units back (a refund of an unfulfilled line): consumed reservations become returned. */
  restock(references: string[]) {
    return this.resolve(references, 'returned', 'return');
  },

  /**
   * Put some of the sold units back (a refund by quantity): each consumed reservation gives back at most
   * what it has not given back yet (`quantity - returnedQuantity`), checked under a row lock and by a
   * guarded update, with a `return` movement; it becomes `returned` once every unit is back. All or
   * nothing, inside the caller's transaction.
   */
  /**
   * Give back a share of what references took: `units` of `of` (e.g. 3 of an order line's 5 units). Each
   * reservation under the reference (the reference itself, and a combo's parts `<reference>/<part>`) gives
   * back its quantity × units / of, as it was reserved — whatever the product looks like today.
   */
  async returnShare(items: { reference: string; units: number; of: number }[]) {
    if (!items.length) return { returned: 0 };
    const rows = await strapi.db.transaction(({ trx }) => trx('stock_reservations')
      .where((q: any) => { for (const item of items) q.orWhere('reference', item.reference).orWhere('reference', 'like', `${item.reference}/%`); })
      .select('reference', 'quantity'));
    const share = (reference: string) => items.find((i) => reference === i.reference || reference.startsWith(`${i.reference}/`))!;
    return this.returnUnits((rows as any[]).map((row) => {
      const { units, of } = share(row.reference);
      return { reference: row.reference, quantity: (Number(row.quantity) * units) / of };
    }).filter((item) => item.quantity > 0));
  },

  async returnUnits(items: { reference: string; quantity: number }[]) {
    const problems: FieldErrors = {};
    items.forEach((item, i) => {
      if (!Number.isSafeInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
        problems[`lines.${i}.quantity`] = t('应为正整数', 'must be a positive whole number');
      }
    });
    if (Object.keys(problems).length) throw invalid(problems);
    if (!items.length) return { returned: 0 };
    return strapi.db.transaction(async ({ trx }) => {
      const now = new Date();
      const rows = await trx('stock_reservations').whereIn('reference', items.map((i) => i.reference)).andWhere({ state: 'consumed' })
        .orderBy('reference').forUpdate()
        .select('id', 'reference', 'product_id', 'supplier_id', 'slot', 'quantity', 'returned_quantity', 'managed');
      const byRef = new Map((rows as any[]).map((row) => [row.reference, row]));
      const sums = new Map<string, { productId: number; slot: string; quantity: number }>();
      const movements: Record<string, unknown>[] = [];
      for (const item of [...items].sort((a, b) => (a.reference < b.reference ? -1 : 1))) {
        const row = byRef.get(item.reference);
        const left = row ? Number(row.quantity) - Number(row.returned_quantity ?? 0) : 0;
        if (!row || item.quantity > left) {
          throw errors.conflict(`预占 ${item.reference} 可退回 ${left}，不能退回 ${item.quantity}`,
            `Reservation ${item.reference} can give back ${left}, not ${item.quantity}`);
        }
        const done = item.quantity === left;
        const changed = await trx('stock_reservations').where({ id: row.id, state: 'consumed' })
          .andWhereRaw('quantity - coalesce(returned_quantity, 0) >= ?', [item.quantity])
          .update({ returned_quantity: trx.raw('coalesce(returned_quantity, 0) + ?', [item.quantity]), updated_at: now,
            ...(done ? { state: 'returned', resolved_at: now } : {}) });
        if (!changed) throw errors.conflict('库存预占已变更，请重试', 'The reservation changed meanwhile: try again');
        if (!row.managed || row.managed === 0) continue;
        const key = `${String(row.product_id).padStart(12, '0')}|${row.slot}`;
        const entry = sums.get(key) ?? { productId: row.product_id, slot: row.slot, quantity: 0 };
        entry.quantity += item.quantity;
        sums.set(key, entry);
        movements.push({ productId: row.product_id, supplierId: row.supplier_id, slot: row.slot, kind: 'return', totalDelta: 0,
          reservedDelta: 0, soldDelta: -item.quantity, reference: row.reference });
      }
      for (const key of [...sums.keys()].sort()) {
        const { productId, slot, quantity } = sums.get(key)!;
        const changed = await trx('stock_items').where({ product_id: productId, slot }).andWhere('sold', '>=', quantity)
          .update({ sold: trx.raw('sold - ?', [quantity]), updated_at: now });
        if (!changed) throw new Error(`stock counters of product ${productId} ${slot} are inconsistent`);
      }
      if (movements.length) await strapi.db.query(MOVEMENT).createMany({ data: movements });
      return { returned: items.length };
    });
  },

  async resolve(references: string[], status: 'released' | 'expired' | 'consumed' | 'returned', kind: 'release' | 'expire' | 'consume' | 'return') {
    if (!references.length) return { resolved: 0 };
    const from = kind === 'return' ? 'consumed' : 'active';
    return strapi.db.transaction(async ({ trx }) => {
      const now = new Date();
      const rows = await trx('stock_reservations').whereIn('reference', references).andWhere({ state: from })
        .orderBy('reference').forUpdate()
        .select('id', 'reference', 'product_id', 'supplier_id', 'slot', 'quantity', 'returned_quantity', 'managed');
      let resolved = 0;
      const sums = new Map<string, { productId: number; slot: string; quantity: number }>();
      const movements: Record<string, unknown>[] = [];
      for (const row of rows as any[]) {
        // guarded: a reservation resolves exactly once, even if two callers race for it
        const changed = await trx('stock_reservations').where({ id: row.id, state: from })
          .update({ state: status, resolved_at: now, updated_at: now, ...(kind === 'return' ? { returned_quantity: row.quantity } : {}) });
        if (!changed) continue;
        resolved += 1;
        if (!row.managed || row.managed === 0) continue;
        const key = `${String(row.product_id).padStart(12, '0')}|${row.slot}`;
        const entry = sums.get(key) ?? { productId: row.product_id, slot: row.slot, quantity: 0 };
        // a return gives back what earlier partial returns (returnUnits) left
        const q = Number(row.quantity) - (kind === 'return' ? Number(row.returned_quantity ?? 0) : 0);
        entry.quantity += q;
        sums.set(key, entry);
        movements.push({ productId: row.product_id, supplierId: row.supplier_id, slot: row.slot, kind, totalDelta: 0,
          reservedDelta: kind === 'return' ? 0 : -q, soldDelta: kind === 'consume' ? q : kind === 'return' ? -q : 0, reference: row.reference });
      }
      for (const key of [...sums.keys()].sort()) {
        const { productId, slot, quantity } = sums.get(key)!;
        const update: Record<string, unknown> = { updated_at: now };
        if (kind !== 'return') update.reserved = trx.raw('reserved - ?', [quantity]);
        if (kind === 'consume') update.sold = trx.raw('sold + ?', [quantity]);
        if (kind === 'return') update.sold = trx.raw('sold - ?', [quantity]);
        const changed = await trx('stock_items').where({ product_id: productId, slot }).andWhere(kind === 'return' ? 'sold' : 'reserved', '>=', quantity).update(update);
        if (!changed) throw new Error(`stock counters of product ${productId} ${slot} are inconsistent`);
      }
      if (movements.length) await strapi.db.query(MOVEMENT).createMany({ data: movements });
      return { resolved };
    });
  },

  /** Job: release reservations past their expiry (idempotent; each resolves once). */
  async expire(now: Date, batch = 500) {
    // each reservation in its own transaction: one that fails (inconsistent counters) is logged and skipped
    const { done, failed } = await strapi.plugin('scheduler').service('jobs').eachItem('inventory.expire-reservations',
      (afterId: number, limit: number) => strapi.db.query(RESERVATION).findMany({
        where: { id: { $gt: afterId }, state: 'active', expiresAt: { $lt: now } },
        select: ['id', 'reference'], limit, orderBy: { id: 'asc' },
      }),
      async (reservation: { reference: string }) => (await this.release([reservation.reference], 'expire')).resolved, batch);
    return { expired: done, ...(failed ? { failed } : {}) };
  },

  /** Recompute every counter from the movements; an empty list means they agree. */
  async reconcile(): Promise<{ productId: number; slot: string; counters: number[]; movements: number[] }[]> {
    const knex = strapi.db.connection;
    const rows = await knex('stock_items as s')
      .leftJoin(knex('stock_movements').select('product_id', 'slot')
        .sum({ t: 'total_delta', r: 'reserved_delta', s: 'sold_delta' }).groupBy('product_id', 'slot').as('m'),
      function join() { this.on('m.product_id', 's.product_id').andOn('m.slot', 's.slot'); })
      .select('s.product_id', 's.slot', 's.total', 's.reserved', 's.sold', 'm.t', 'm.r', 'm.s');
    const active = await knex('stock_reservations').where({ state: 'active', managed: true }).select('product_id', 'slot').sum({ q: 'quantity' }).groupBy('product_id', 'slot');
    const activeBy = new Map((active as any[]).map((a) => [`${a.product_id}|${a.slot}`, Number(a.q)]));
    return (rows as any[]).filter((r) =>
      Number(r.total) !== Number(r.t ?? 0) || Number(r.reserved) !== Number(r.r ?? 0) || Number(r.sold) !== Number(r.s ?? 0)
      || Number(r.reserved) !== (activeBy.get(`${r.product_id}|${r.slot}`) ?? 0) || Number(r.reserved) + Number(r.sold) > Number(r.total))
      .map((r) => ({ productId: r.product_id, slot: r.slot, counters: [Number(r.total), Number(r.reserved), Number(r.sold)], movements: [Number(r.t ?? 0), Number(r.r ?? 0), Number(r.s ?? 0)] }));
  },
});
