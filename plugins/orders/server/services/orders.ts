import { createHash } from 'crypto';
import type { Core } from '@strapi/types';
import {
  DomainError, errors, FieldErrors, FULFILMENT_OUTCOMES, idempotencyKeyReused, invalid, isDay, ORDER_STATUS_LABELS, ORDER_TRANSITIONS,
  PermissionKey, shanghaiDay, titled,
} from '@cop/config';
import type { FulfilmentOutcome, OrderAction, OrderStatus } from '@cop/config';
import { insertRows, rowsOf, updateRow, withKnex } from '@cop/plugin-console';
import type { Principal } from '@cop/plugin-console';

export const ORDER = 'plugin::orders.order';
export const LINE = 'plugin::orders.order-line';
export const EVENT = 'plugin::orders.order-event';
export const REQUEST = 'plugin::orders.order-request';
const t = errors.text;

export type { OrderStatus };

/** The state machine (one table with the console's, in @cop/config): action → from, side, permission. */
export const TRANSITIONS: Record<string, (typeof ORDER_TRANSITIONS)[OrderAction]> = ORDER_TRANSITIONS;

export interface OrderInput {
  /** employee: internal purchase through the mini-program, priced by the individual channel. */
  channel: 'individual' | 'gov' | 'employee';
  paymentMode: 'prepaid' | 'credit';
  lines: { productId: number; strategyId: number; quantity: number; day?: string | null; unitPrice?: number }[];
  customerName: string; customerPhone?: string; customerIdNo?: string; companyName?: string;
  invoiceTitle?: string; invoiceTaxNo?: string; visitDate?: string; remarks?: string;
  /** Who receives goods sent by courier: required when a line's product is fulfilled by courier. */
  receiverName?: string; receiverPhone?: string; receiverAddress?: string;
}

const num = (v: unknown) => Number(v ?? 0);

/** An order status by its label, in both languages (messages never show the code). */
const label = (status: unknown) => ORDER_STATUS_LABELS[status as OrderStatus] ?? { zh: String(status), en: String(status) };

/** Line statuses whose units may still be refunded (the others ended: refunded, cancelled, closed). */
const LIVE_LINE = ['pending', 'fulfilled', 'partial', 'failed'];
type LineUnits = { quantity: number; refundedQuantity?: number | null; usedQuantity?: number | null; fulfilmentStatus: string };

/** Units of a line not refunded yet (none once the line is refunded, cancelled or closed). */
export const remainingOf = (line: LineUnits) =>
  (LIVE_LINE.includes(line.fulfilmentStatus) ? line.quantity - num(line.refundedQuantity) : 0);

/**
 * Units of a line not used and not refunded: every remaining unit of a pending or failed line, the
 * units a partly used line did not use, none of a fulfilled one. These are what an individual order
 * refunds at once, what a refund takes first, and what goes back to the stock calendar when refunded.
 */
export const unusedOf = (line: LineUnits) => {
  const left = remainingOf(line);
  if (line.fulfilmentStatus === 'pending' || line.fulfilmentStatus === 'failed') return left;
  if (line.fulfilmentStatus === 'partial') return Math.max(0, Math.min(left, line.quantity - num(line.usedQuantity) - num(line.refundedQuantity)));
  return 0;
};

/** A fulfilment (F92) as the supplier sends it, checked on its own (the line's checks come later). */
export interface FulfilmentInput {
  lineId: number; status: FulfilmentOutcome; usedQuantity: number | null;
  code: string; courier: string; tracking: string; reason: string;
}

/** A refund of some units of one line. */
export interface RefundPart { line: any; quantity: number }
/** The advisory lock class (first key) under which idempotent order requests take turns. */
const IDEMPOTENCY_LOCK_CLASS = 0x6f72; // 'or'

/** JSON with object keys sorted at every level, so that equal bodies give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => (inner && typeof inner === 'object' && !Array.isArray(inner)
    ? Object.fromEntries(Object.keys(inner).sort().map((k) => [k, (inner as Record<string, unknown>)[k]]))
    : inner)) ?? 'null';
}

/** The digest of a request body stored with its Idempotency-Key (sha256 of its stable JSON, hex). */
export function fingerprint(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('hex');
}

/**
 * How a request is made idempotent: the client's key (checked by idempotencyKeyOf), the scope the
 * server gives it (default `seller:<enterprise id>`; the mini-program adds the employee), the action
 * (default per method) and the body whose digest is kept with the key (default the order input).
 */
export interface IdempotencyOptions {
  idempotencyKey?: string; idempotencyScope?: string; idempotencyAction?: string; requestBody?: unknown;
}
type CreateOptions = IdempotencyOptions & { now?: Date; employeeId?: number };

/**
 * The order lifecycle. Each step is one database transaction that changes the order, records the
 * transition and moves stock (inventory) and money (ledger) together, or changes nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const inventory = () => strapi.plugin('inventory').service('stock');
  const ledger = () => strapi.plugin('ledger').service('ledger');
  const products = () => strapi.plugin('catalogue').service('products');
  const subscribers = () => strapi.plugin('orders').service('subscribers');
  const notify = (enterpriseId: number, input: { type: string; title: string; body?: string; link?: string }, permission?: PermissionKey) =>
    strapi.plugin('messaging').service('notifications').notifyEnterprise(enterpriseId, input, permission);

  const settings = () => ({
    paymentMinutes: Number(process.env.ORDER_PAYMENT_TIMEOUT_MINUTES ?? 30),
    auditHours: Number(process.env.ORDER_AUDIT_TIMEOUT_HOURS ?? 48),
  });

  return {
    TRANSITIONS,

    /**
     * Idempotency: a key already used by this scope for this action returns that order, so a retry
     * changes nothing; the same key with a different body is a 422 (never another caller's data: the
     * scope holds the caller's enterprise).
     */
    async remembered(scope: string, key: string | undefined, action: string, body?: unknown) {
      if (!key) return null;
      if (key.length > 150) throw invalid({ 'Idempotency-Key': t('不能超过 100 个字符', 'must be at most 100 characters') });
      const row = await strapi.db.query(REQUEST).findOne({ where: { key: `${scope}:${action}:${key}` } });
      if (!row) return null;
      if (row.fingerprint && body !== undefined && row.fingerprint !== fingerprint(body)) throw idempotencyKeyReused();
      return strapi.db.query(ORDER).findOne({ where: { id: row.orderId } });
    },
    remember(scope: string, key: string | undefined, action: string, orderId: number, body?: unknown) {
      return key ? strapi.db.query(REQUEST).create({ data: {
        key: `${scope}:${action}:${key}`, action, orderId, fingerprint: body === undefined ? null : fingerprint(body),
      } }) : null;
    },

    /**
     * Run a write made idempotent by `remember` inside it. Requests with one key take turns: on
     * PostgreSQL a transaction-scoped advisory lock on the scoped key is taken first, so a concurrent
     * twin waits for the first to commit and then replays its order (or gets its 422) instead of
     * breaking the unique index (SQLite runs one writer at a time anyway).
     */
    async once<T>(scope: string, key: string | undefined, action: string, body: unknown, write: () => Promise<T>): Promise<T> {
      if (!key) return write();
      return strapi.db.transaction(async ({ trx }) => {
        if (strapi.db.dialect.client === 'postgres') {
          await trx.raw('select pg_advisory_xact_lock(?, hashtext(?))', [IDEMPOTENCY_LOCK_CLASS, `${scope}:${action}:${key}`]);
        }
        const replay = await this.remembered(scope, key, action, body);
        return replay ?? write();
      });
    },

    /**
     * Price and check the lines against what the seller may order today: the strategy must be an offer
     * for the product in this channel; the price is the strategy's (a different price sent by the client
     * is refused, never used); quantities within the strategy's limits.
     */
    async priced(principal: Principal, input: OrderInput, now: Date) {
      const problems: FieldErrors = {};
      if (!['individual', 'gov', 'employee'].includes(input.channel)) problems.channel = t('应为 individual 或 gov', 'must be individual or gov');
      if (!['prepaid', 'credit'].includes(input.paymentMode)) problems.paymentMode = t('应为 prepaid 或 credit', 'must be prepaid or credit');
      if (typeof input.customerName !== 'string' || !input.customerName.trim() || input.customerName.length > 50) problems.customerName = t('请填写客户名称（不超过 50 字）', 'is required (at most 50 characters)');
      if (input.channel === 'gov' && (typeof input.companyName !== 'string' || !input.companyName.trim())) problems.companyName = t('政企订单需要填写单位名称', 'is required for gov orders');
      if (!Array.isArray(input.lines) || !input.lines.length || input.lines.length > 50) problems.lines = t('需要 1–50 个产品', 'must hold 1 to 50 products');
      if (Object.keys(problems).length) throw invalid(problems);
      const offerChannel = input.channel === 'employee' ? 'individual' : input.channel;
      const offers = await this.orderable(principal.enterpriseId, now, offerChannel, input.paymentMode, input.lines.map((l) => l.productId));
      const priced = input.lines.map((line, i) => {
        const at = (f: string) => `lines.${i}.${f}`;
        const offer = offers.find((o) => o.productId === line.productId && o.strategyId === line.strategyId);
        const product = offer?.product;
        if (!offer || !product || product.state !== 'listed') { problems[at('strategyId')] = t('该产品当前不能通过此策略订购（策略、协议或合作已失效）', 'cannot be ordered through this strategy now (strategy, agreement or partnership not in effect)'); return null; }
        if (!Number.isSafeInteger(line.quantity) || line.quantity < offer.minQuantity || (offer.maxQuantity && line.quantity > offer.maxQuantity) || line.quantity > 100_000) {
          problems[at('quantity')] = t(`数量应在 ${offer.minQuantity}–${offer.maxQuantity ?? '不限'} 之间`, `must be from ${offer.minQuantity} to ${offer.maxQuantity ?? 'any'}`);
        }
        if (line.unitPrice !== undefined && line.unitPrice !== offer.price) problems[at('unitPrice')] = t(`价格已变更为 ${(offer.price / 100).toFixed(2)} 元`, `the price is now ${(offer.price / 100).toFixed(2)} yuan`);
        const mode = offer.businessMode;
        if (mode !== 'either' && mode !== input.paymentMode) problems.paymentMode = t(`该策略只接受${mode === 'prepaid' ? '预付款' : '赊销'}结算`, `this strategy settles by ${mode} only`);
        if (product.stockMode === 'daily' || (product.isCombo && line.day)) {
          if (!isDay(line.day)) problems[at('day')] = t('请选择日期', 'is required for this product');
          else if (line.day < shanghaiDay(now)) problems[at('day')] = t('不能早于今天', 'cannot be in the past');
        }
        return { ...line, offer, product, amount: offer.price * line.quantity };
      });
      if (priced.some((line) => line?.product.fulfilmentMode === 'courier')) Object.assign(problems, this.receiverProblems(input));
      if (Object.keys(problems).length) throw invalid(problems, t('订单内容有误', 'The order is invalid'));
      const ready = priced as NonNullable<(typeof priced)[number]>[];
      const suppliers = new Set(ready.map((l) => l.offer.supplierId));
      if (suppliers.size !== 1) throw invalid({ lines: t('一个订单只能包含同一供货方的产品', 'one order holds products of one supplier') });
      const first = ready[0].offer;
      return {
        lines: ready, supplierId: [...suppliers][0] as number, requiresAudit: ready.some((l) => l.offer.requiresAudit),
        courier: ready.some((l) => l.product.fulfilmentMode === 'courier'),
        supplierName: first.supplierName as string, accountId: first.accountId as number | null, revenueId: first.revenueId as number | null,
      };
    },

    /** Goods sent by courier need a receiver: name, phone and address, each named when missing (the phone's format is checked with the body). */
    receiverProblems(input: OrderInput): FieldErrors {
      const problems: FieldErrors = {};
      const blank = (value: unknown) => typeof value !== 'string' || !value.trim();
      if (blank(input.receiverName)) problems.receiverName = t('快递发货的商品需要填写收货人', 'is required for goods sent by courier');
      if (blank(input.receiverPhone)) problems.receiverPhone = t('快递发货的商品需要填写收货人电话', 'is required for goods sent by courier');
      if (blank(input.receiverAddress)) problems.receiverAddress = t('快递发货的商品需要填写收货地址', 'is required for goods sent by courier');
      return problems;
    },

    /** Place an order: order rows, stock reserved and money frozen, all in one transaction. */
    async create(principal: Principal, input: OrderInput, options: CreateOptions = {}) {
      const scope = options.idempotencyScope ?? `seller:${principal.enterpriseId}`;
      const action = options.idempotencyAction ?? 'create';
      const body = options.requestBody ?? input;
      return this.once(scope, options.idempotencyKey, action, body,
        () => this.place(principal, input, { ...options, scope, action, body }));
    },

    /** create's work, inside `once`: the key is remembered in the order's transaction. */
    async place(principal: Principal, input: OrderInput, options: CreateOptions & { scope: string; action: string; body: unknown }) {
      const now = options.now ?? new Date();
      // employee orders are the mini-program's (an employee signed in places them); nobody else makes one
      if (input.channel === 'employee' && !options.employeeId) throw invalid({ channel: t('应为 individual 或 gov', 'must be individual or gov') });
      const { lines, supplierId, requiresAudit, supplierName, accountId, revenueId, courier } = await this.priced(principal, input, now);
      if (!accountId || !revenueId) throw invalid({ paymentMode: t('该供货方尚未为贵司开立此类账户', 'the supplier has opened no such account for you') });
      const total = lines.reduce((sum, line) => sum + line.amount, 0);
      const status: OrderStatus = input.channel === 'gov' && requiresAudit ? 'pending_audit' : 'pending_payment';
      const { paymentMinutes, auditHours } = settings();
      const expiresAt = new Date(now.getTime() + (status === 'pending_audit' ? auditHours * 3600_000 : paymentMinutes * 60_000));
      return strapi.db.transaction(async ({ trx }) => {
        const { order, event } = await this.insertOrder(trx, {
          channel: input.channel, sellerId: principal.enterpriseId, supplierId,
          state: status, paymentMode: input.paymentMode, accountId, totalAmount: total, paidAmount: 0, refundedAmount: 0, expiresAt,
          customerName: input.customerName.trim(), customerPhone: input.customerPhone ?? null, customerIdNo: input.customerIdNo ?? null,
          companyName: input.companyName ?? null, invoiceTitle: input.invoiceTitle ?? null, invoiceTaxNo: input.invoiceTaxNo ?? null,
          visitDate: input.visitDate ?? null, remarks: input.remarks ?? null, placedBy: principal.userId || null, employeeId: options.employeeId ?? null,
          // kept only on orders with goods to send (a checkout's other orders do not carry them)
          ...(courier ? { receiverName: input.receiverName!.trim(), receiverPhone: input.receiverPhone!.trim(), receiverAddress: input.receiverAddress!.trim() } : {}),
        }, principal, now);
        const number = order.number as string;
        const rows = await insertRows(strapi, trx, LINE, lines.map((line) => ({
          orderId: order.id, productId: line.productId, productName: line.product.name, category: line.product.category, isCombo: line.product.isCombo,
          strategyId: line.strategyId, day: line.day ?? null, quantity: line.quantity, unitPrice: line.offer.price, amount: line.amount, fulfilmentStatus: 'pending',
          fulfilmentMode: line.product.fulfilmentMode ?? 'code', refundedQuantity: 0,
        })), now);
        // a combo's parts are reserved in its stead (their products are read); other lines as they are
        const plain = lines.every((line) => !line.product.isCombo);
        const refs = rows.map((row) => ({ reference: `line:${row.id}`, productId: row.productId as number, quantity: row.quantity as number, day: row.day as string | null }));
        const stockLines = plain ? refs : await products().stockLines(refs);
        const policies = plain ? new Map(lines.map((line) => [line.productId, line.offer.policy])) : undefined;
        await this.remember(options.scope, options.idempotencyKey, options.action, order.id, options.body);
        if (status === 'pending_audit') {
          await notify(supplierId, { type: 'audit', ...titled('order_audit_requested', { enterprise: principal.enterpriseName, number }), link: `/orders/gov/${order.id}/show` }, 'orders.audit');
        }
        // the contended rows (stock counters, then the account pair) are locked last, back to back;
        // the partnership was checked by the offers (an offer needs an active partnership and agreement)
        await inventory().reserve(stockLines, { expiresAt: new Date(expiresAt.getTime() + 10 * 60_000), policies, fresh: true });
        await ledger().freeze(accountId, total, { transferId: `order:${number}:freeze`, orderRef: number, operatorId: principal.userId || null, now, fresh: true, revenueId });
        // the answer is built from what was just written: no re-read
        return { ...order, lineRows: rows, eventRows: [event], supplierName, sellerName: principal.enterpriseName, actorNames: { [principal.userId]: principal.displayName },
          productPictures: Object.fromEntries(lines.map((line) => [line.productId, (line.product.pictures ?? []) as number[]])) };
      });
    },

    /**
     * Units of a product sold and not refunded: lines of orders that were placed and not ended unpaid
     * (pending, fulfilled, partly used or failed), less their refunded units. One aggregate.
     */
    async soldUnits(productId: number): Promise<number> {
      const [row]: { sold?: unknown }[] = await withKnex(strapi, (knex) => knex('order_lines')
        .where({ product_id: productId }).whereIn('fulfilment_status', ['pending', 'fulfilled', 'partial', 'failed'])
        .select(knex.raw('coalesce(sum(quantity - coalesce(refunded_quantity, 0)), 0) as sold')));
      return Number(row?.sold ?? 0);
    },

    /**
     * What a seller may order now of these products, in one statement: the offers (strategy line of an
     * active, effective strategy for the seller, from a supplier with an active partnership and an
     * effective agreement), each product, its stock policy, the supplier's name and the pair's account
     * of the payment mode with its revenue account.
     */
    async orderable(sellerId: number, now: Date, channel: string, paymentMode: string, productIds: number[]) {
      const today = shanghaiDay(now);
      const product = rowsOf(strapi, 'plugin::catalogue.product');
      const productColumns = product.columns();
      const rows: any[] = await withKnex(strapi, (knex) => knex('strategy_lines as sl')
        .join('strategies as s', 's.id', 'sl.strategy_id')
        .join('products as p', 'p.id', 'sl.product_id')
        .join('enterprises as e', 'e.id', 's.supplier_id')
        .leftJoin('stock_policies as sp', 'sp.product_id', 'p.id')
        .leftJoin('ledger_accounts as a', (j: any) => j.on('a.supplier_id', 's.supplier_id').andOnVal('a.seller_id', sellerId).andOnVal('a.kind', paymentMode))
        .leftJoin('ledger_accounts as r', (j: any) => j.on('r.supplier_id', 's.supplier_id').andOnVal('r.seller_id', sellerId).andOnVal('r.kind', 'revenue'))
        .whereIn('sl.product_id', [...new Set(productIds)])
        .where({ 's.state': 'active', 's.channel': channel })
        .where('s.effective_from', '<=', today).where('s.effective_to', '>=', today)
        .where((q: any) => q.where('s.applies_to', 'all')
          .orWhereExists(knex('strategy_sellers as ss').select(knex.raw('1')).whereRaw('ss.strategy_id = s.id').where('ss.seller_id', sellerId)))
        .whereExists(knex('partnerships as pa').select(knex.raw('1')).whereRaw('pa.supplier_id = s.supplier_id').where({ 'pa.seller_id': sellerId, 'pa.state': 'active' }))
        .whereExists(knex('agreements as ag').select(knex.raw('1')).whereRaw('ag.supplier_id = s.supplier_id')
          .where({ 'ag.seller_id': sellerId, 'ag.state': 'effective' }).where('ag.valid_from', '<=', today).where('ag.valid_to', '>=', today))
        .select('sl.product_id', 'sl.strategy_id', 'sl.price', 'sl.min_quantity', 'sl.max_quantity', 'sl.daily_max',
          's.supplier_id', 's.name as strategy_name', 's.channel', 's.business_mode', 's.requires_audit', 's.effective_to',
          'e.name as supplier_name', 'sp.mode as policy_mode', 'a.id as account_id', 'r.id as revenue_id',
          ...productColumns.map((c) => `p.${c} as p__${c}`)));
      return rows.map((row) => {
        const productRow: Record<string, unknown> = {};
        for (const c of productColumns) productRow[c] = row[`p__${c}`];
        return {
          productId: row.product_id as number, supplierId: row.supplier_id as number, strategyId: row.strategy_id as number, strategyName: row.strategy_name,
          channel: row.channel, businessMode: row.business_mode, requiresAudit: row.requires_audit === true || row.requires_audit === 1, effectiveTo: row.effective_to,
          price: Number(row.price), minQuantity: row.min_quantity, maxQuantity: row.max_quantity, dailyMax: row.daily_max,
          supplierName: row.supplier_name as string, accountId: row.account_id as number | null, revenueId: row.revenue_id as number | null,
          policy: row.policy_mode ? { productId: row.product_id as number, supplierId: row.supplier_id as number, mode: row.policy_mode } : null,
          product: product.fromRow(productRow),
        };
      });
    },

    /**
     * The order row and its `create` event. On PostgreSQL one statement: the id is taken from the
     * table's sequence so the number (day + id) is written with the row, and the event is inserted by
     * the same statement; elsewhere (SQLite, one writer) insert, number, event.
     */
    async insertOrder(trx: any, data: Record<string, unknown>, principal: Principal, now: Date) {
      const orders = rowsOf(strapi, ORDER);
      const events = rowsOf(strapi, EVENT);
      const day = shanghaiDay(now).replace(/-/g, '');
      const eventData = { action: 'create', fromStatus: null, toStatus: data.state, actorId: principal.userId || null, actorEnterpriseId: principal.enterpriseId ?? null, reason: null };
      // both parties' consoles hear of the new order once it commits (a live event, see record())
      const parties = [data.sellerId as number, data.supplierId as number];
      const live = strapi.plugin('console').service('events');
      const notice = live.notification(parties, { type: 'changed', resource: 'orders', id: null }) as { channel: string; payload: string } | null;
      if (strapi.db.dialect.client === 'postgres' && notice) {
        const row = orders.toRow(data, now);
        const eventRow = events.toRow(eventData, now);
        const cols = Object.keys(row);
        const eventCols = Object.keys(eventRow).filter((c) => c !== 'order_id');
        const result = await trx.raw(`
          WITH n AS (SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id),
          o AS (
            INSERT INTO ?? (id, number, freeze_transfer_id, ${cols.map(() => '??').join(', ')})
            VALUES ((SELECT id FROM n), ? || lpad((SELECT id FROM n)::text, 8, '0'), 'order:' || ? || lpad((SELECT id FROM n)::text, 8, '0') || ':freeze', ${cols.map(() => '?').join(', ')})
            RETURNING *
          ),
          e AS (
            INSERT INTO ?? (order_id, ${eventCols.map(() => '??').join(', ')})
            VALUES ((SELECT id FROM n), ${eventCols.map(() => '?').join(', ')})
            RETURNING *
          ),
          notified AS (SELECT pg_notify(?, jsonb_set(?::jsonb, '{event,id}', to_jsonb((SELECT id FROM n)))::text) AS done)
          SELECT row_to_json(o.*) AS o, (SELECT row_to_json(e.*) FROM e) AS e, (SELECT done FROM notified) AS notified FROM o`,
        [orders.table, orders.table, ...cols, day, day, ...cols.map((c) => row[c]), events.table, ...eventCols, ...eventCols.map((c) => eventRow[c]), notice.channel, notice.payload]);
        const [{ o, e }] = result.rows;
        return { order: orders.fromRow(o), event: events.fromRow(e) };
      }
      const [inserted] = await insertRows(strapi, trx, ORDER, [{ ...data, number: `tmp-${now.getTime()}-${Math.random().toString(36).slice(2)}` }], now);
      const number = `${day}${String(inserted.id).padStart(8, '0')}`;
      await trx(orders.table).where({ id: inserted.id }).update({ number, freeze_transfer_id: `order:${number}:freeze` });
      const [event] = await insertRows(strapi, trx, EVENT, [{ ...eventData, orderId: inserted.id }], now);
      live.publish(parties, { type: 'changed', resource: 'orders', id: inserted.id });
      return { order: { ...inserted, number, freezeTransferId: `order:${number}:freeze` }, event };
    },

    /** Check side, permission and status; lock the order row; record the transition. */
    async transition(principal: Principal | null, order: any, action: string, to: OrderStatus, reason?: string, about?: { lineId: number; detail: unknown }) {
      const rule = TRANSITIONS[action];
      if (principal) {
        const mySide = principal.enterpriseId === order.sellerId ? 'seller' : principal.enterpriseId === order.supplierId ? 'supplier' : null;
        if (mySide !== rule.side) throw errors.forbidden();
        if (rule.permission && !principal.permissions.has(rule.permission)) throw errors.forbidden(rule.permission);
      }
      // guarded status change: of two concurrent requests only one moves the order
      const { count } = await strapi.db.query(ORDER).updateMany({ where: { id: order.id, state: { $in: rule.from } }, data: { state: to } });
      if (!count) {
        const current = await strapi.db.query(ORDER).findOne({ where: { id: order.id }, select: ['state'] });
        const now = label(current?.state);
        throw new DomainError(409, 'INVALID_TRANSITION',
          t(`订单当前状态（${now.zh}）不能执行此操作`, `This cannot be done to an order whose status is “${now.en}”`), {}, { status: current?.state });
      }
      await this.record(order, action, order.state, to, principal, reason, about);
    },

    /**
     * Record a step of the order (who, when, why; for fulfilments the line and what was recorded) and
     * tell both parties' open consoles, once the transaction commits, that the order changed: an open
     * order page, the order lists and the home cards refetch it (the event names the order, never its content).
     */
    async record(order: { id: number; sellerId: number; supplierId: number }, action: string, from: string | null, to: string, principal: Principal | null, reason?: string, about?: { lineId: number; detail: unknown }) {
      const data = {
        orderId: order.id, action, fromStatus: from, toStatus: to, actorId: principal?.userId || null, actorEnterpriseId: principal?.enterpriseId ?? null,
        reason: reason ?? null, lineId: about?.lineId ?? null, detail: about?.detail ?? null,
      };
      const [event] = await strapi.db.transaction(({ trx }) => insertRows(strapi, trx, EVENT, [data]));
      strapi.plugin('console').service('events').publish([order.sellerId, order.supplierId], { type: 'changed', resource: 'orders', id: order.id });
      return event;
    },

    /**
     * Lock the order row for the rest of the transaction and read it afresh: fulfilments and refunds
     * of one order take turns, each deciding from the lines as the previous one left them.
     */
    async lockOrder(orderId: number) {
      if (strapi.db.dialect.client === 'postgres') {
        await strapi.db.transaction(({ trx }) => trx('orders').where({ id: orderId }).forUpdate().first('id'));
      }
      return strapi.db.query(ORDER).findOne({ where: { id: orderId } });
    },

    lineRefs: async (orderId: number) => {
      const rows = await strapi.db.query(LINE).findMany({ where: { orderId }, orderBy: { id: 'asc' } });
      return rows as any[];
    },

    async stockRefs(lines: any[]) {
      const refs = lines.map((row) => ({ reference: `line:${row.id}`, productId: row.productId, quantity: row.quantity, day: row.day }));
      // only a combo's line needs its product (its parts were reserved in its stead)
      const stockLines = lines.some((row) => row.isCombo) ? await products().stockLines(refs) : refs;
      return stockLines.map((l: any) => l.reference);
    },

    /** The lines follow their order when it ends unpaid: cancelled (cancel, reject) or closed (timeout, stopped partnership). */
    endLines(orderId: number, to: 'cancelled' | 'closed') {
      return strapi.db.query(LINE).updateMany({ where: { orderId, fulfilmentStatus: 'pending' }, data: { fulfilmentStatus: to } });
    },

    /** Release what the order holds: stock reservations and the money freeze (the statement names who: a user or a job). */
    async releaseHolds(order: any, by: { operatorId?: number | null; operatorLabel?: string | null } = {}) {
      await inventory().release(await this.stockRefs(await this.lineRefs(order.id)));
      await ledger().release(order.freezeTransferId, {
        transferId: `order:${order.number}:release`, orderRef: order.number,
        operatorId: by.operatorId ?? null, operatorLabel: by.operatorLabel ?? null,
      });
    },

    async approve(principal: Principal, order: any, now = new Date()) {
      return strapi.db.transaction(async () => {
        await this.transition(principal, order, 'approve', 'pending_payment');
        await strapi.db.query(ORDER).update({ where: { id: order.id }, data: { expiresAt: new Date(now.getTime() + settings().paymentMinutes * 60_000) } });
        await notify(order.sellerId, { type: 'audit', ...titled('order_approved', { number: order.number }), link: `/my-orders/${order.id}/show` }, 'orders.place');
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    async reject(principal: Principal, order: any, reason: unknown) {
      if (typeof reason !== 'string' || !reason.trim() || reason.length > 200) throw invalid({ reason: t('请填写驳回原因（不超过 200 字）', 'is required (at most 200 characters)') });
      return strapi.db.transaction(async () => {
        await this.transition(principal, order, 'reject', 'rejected', reason.trim());
        await this.releaseHolds(order, { operatorId: principal.userId || null });
        await this.endLines(order.id, 'cancelled');
        await notify(order.sellerId, { type: 'audit', ...titled('order_rejected', { number: order.number }), body: reason.trim(), link: `/my-orders/${order.id}/show` }, 'orders.read');
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    /** Pay: capture the frozen money and consume the reserved stock. A late payment on a closed order is refused. */
    async pay(principal: Principal, order: any, options: IdempotencyOptions & { now?: Date } = {}) {
      const scope = options.idempotencyScope ?? `seller:${principal.enterpriseId}`;
      const body = options.requestBody ?? {};
      const replay = await this.remembered(scope, options.idempotencyKey, `pay:${order.id}`, body);
      if (replay) return replay;
      const now = options.now ?? new Date();
      if (order.state === 'pending_payment' && order.expiresAt && new Date(order.expiresAt) < now) {
        await this.close(order, now);
        throw new DomainError(409, 'ORDER_CLOSED', t('订单已超时关闭，不能支付', 'The order timed out and was closed: it can no longer be paid'));
      }
      return strapi.db.transaction(async () => {
        await this.transition(principal, order, 'pay', 'paid');
        await ledger().capture(order.freezeTransferId, { transferId: `order:${order.number}:capture`, orderRef: order.number, operatorId: principal.userId || null });
        await inventory().consume(await this.stockRefs(await this.lineRefs(order.id)));
        await updateRow(strapi, order.id, ORDER, { paidAmount: num(order.totalAmount), expiresAt: null });
        await subscribers().emit('paid', order.id, { now });
        await this.remember(scope, options.idempotencyKey, `pay:${order.id}`, order.id, body);
        await notify(order.supplierId, { type: 'payment', ...titled('order_paid', { number: order.number, amount: (num(order.totalAmount) / 100).toFixed(2) }), link: `/orders/${order.channel}/${order.id}/show` }, 'orders.read');
        // the transition's guarded update made this the order's state; nothing else changed it meanwhile
        return { ...order, state: 'paid', paidAmount: String(num(order.totalAmount)), expiresAt: null };
      });
    },

    async cancel(principal: Principal, order: any, reason?: string) {
      return strapi.db.transaction(async () => {
        await this.transition(principal, order, 'cancel', 'cancelled', typeof reason === 'string' ? reason.slice(0, 200) : undefined);
        await this.releaseHolds(order, { operatorId: principal.userId || null });
        await this.endLines(order.id, 'cancelled');
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    /** Timeout (job): close an unpaid order past its deadline and release stock and money. */
    async close(order: any, now = new Date()) {
      return strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(ORDER).updateMany({ where: { id: order.id, state: { $in: TRANSITIONS.close.from }, expiresAt: { $lt: now } }, data: { state: 'closed' } });
        if (!count) return false;
        await this.record(order, 'close', order.state, 'closed', null, 'timeout');
        await this.releaseHolds(order, { operatorLabel: 'job:orders.close-expired' });
        await this.endLines(order.id, 'closed');
        return true;
      });
    },

    /**
     * A stopped partnership stops its unpaid orders: every pending_payment and pending_audit order of the
     * supplier–seller pair is closed with the reason (an event naming the operator), its stock and money
     * released, in the caller's transaction (the stop's); the seller hears of each. Returns the numbers closed.
     */
    async closeUnpaidOfPair(supplierId: number, sellerId: number, reason: string, operator: Principal | null) {
      return strapi.db.transaction(async () => {
        const open = await strapi.db.query(ORDER).findMany({
          where: { supplierId, sellerId, state: { $in: TRANSITIONS.close.from } }, orderBy: { id: 'asc' },
        });
        const closed: string[] = [];
        for (const order of open as any[]) {
          // guarded like every transition: an order paid or cancelled meanwhile is left alone
          const { count } = await strapi.db.query(ORDER).updateMany({
            where: { id: order.id, state: { $in: TRANSITIONS.close.from } }, data: { state: 'closed', expiresAt: null },
          });
          if (!count) continue;
          await this.record(order, 'close', order.state, 'closed', operator, `停止合作：${reason}`.slice(0, 200));
          await this.releaseHolds(order, { operatorId: operator?.userId || null, operatorLabel: operator ? null : 'partnership:stop' });
          await this.endLines(order.id, 'closed');
          await notify(order.sellerId, {
            type: 'system', ...titled('order_closed_partnership', { number: order.number }), body: reason, link: `/my-orders/${order.id}/show`,
          }, 'orders.read');
          closed.push(order.number);
        }
        return closed;
      });
    },

    /** Job: close every order past its deadline, each in its own transaction; a failing one is logged and skipped. */
    async closeExpired(now: Date, batch = 200) {
      const { done, failed } = await strapi.plugin('scheduler').service('jobs').eachItem('orders.close-expired',
        (afterId: number, limit: number) => strapi.db.query(ORDER).findMany({
          where: { id: { $gt: afterId }, state: { $in: TRANSITIONS.close.from }, expiresAt: { $lt: now } }, limit, orderBy: { id: 'asc' },
        }),
        (order: any) => this.close(order, now), batch);
      return { closed: done, ...(failed ? { failed } : {}) };
    },

    /**
     * The fulfilment a supplier sends (F92), checked on its own: the outcome (fulfilled unless said),
     * a confirmation code or courier and tracking number for what was delivered, a reason for a failure.
     */
    fulfilmentInput(body: Record<string, unknown>): { input: FulfilmentInput; problems: FieldErrors } {
      const problems: FieldErrors = {};
      const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');
      const status = (body.status ?? 'fulfilled') as FulfilmentOutcome;
      if (!FULFILMENT_OUTCOMES.includes(status)) problems.status = t('应为已履约、部分使用或履约失败', 'must be fulfilled, partial or failed');
      const input: FulfilmentInput = {
        lineId: Number(body.lineId), status, usedQuantity: body.usedQuantity === undefined || body.usedQuantity === null ? null : Number(body.usedQuantity),
        code: text('confirmationCode'), courier: text('courierCompany'), tracking: text('trackingNumber'), reason: text('reason'),
      };
      if (status !== 'failed' && !input.code && !(input.courier && input.tracking)) {
        problems.confirmationCode = t('请填写确认码，或快递公司和快递单号', 'enter a confirmation code, or a courier and tracking number');
      }
      if (input.code.length > 64 || input.courier.length > 50 || input.tracking.length > 64) problems.confirmationCode = t('内容过长', 'is too long');
      if (status === 'failed' && !input.reason) problems.reason = t('请填写履约失败的原因', 'is required when the fulfilment failed');
      if (input.reason.length > 200) problems.reason = t('不能超过 200 字', 'must be at most 200 characters');
      return { input, problems };
    },

    /**
     * What the line becomes: fulfilled uses every unit not refunded; partly used (a line with two or
     * more units left) uses some and leaves the others refundable; failed uses none. Problems name the field.
     */
    fulfilmentOf(line: any, input: FulfilmentInput, problems: FieldErrors, now: Date) {
      const left = remainingOf(line);
      let used = input.status === 'fulfilled' ? left : 0;
      if (input.status === 'partial') {
        if (left < 2) problems.status = t('只有剩余 2 份及以上的明细可以部分使用', 'only a line with 2 or more units left can be partly used');
        else if (!Number.isSafeInteger(input.usedQuantity) || input.usedQuantity! < 1 || input.usedQuantity! >= left) {
          problems.usedQuantity = t(`已使用数量应在 1–${left - 1} 之间`, `must be from 1 to ${left - 1}`);
        } else used = input.usedQuantity!;
      }
      return {
        fulfilmentStatus: input.status, usedQuantity: used, confirmationCode: input.code || null, courierCompany: input.courier || null,
        trackingNumber: input.tracking || null, failureReason: input.status === 'failed' ? input.reason : null, fulfilledAt: now,
      };
    },

    /** A line's fulfilment as the history shows it (before and after a correction). */
    fulfilmentView: (line: any) => ({
      productName: line.productName, status: line.fulfilmentStatus, usedQuantity: line.usedQuantity ?? null,
      confirmationCode: line.confirmationCode ?? null, courierCompany: line.courierCompany ?? null,
      trackingNumber: line.trackingNumber ?? null, failureReason: line.failureReason ?? null,
    }),

    /**
     * Fulfil one pending line (F92): fulfilled, partly used or failed. The order is fulfilled once no
     * line is pending; incentives for fulfilment are granted then, when something was delivered.
     */
    async fulfil(principal: Principal, given: any, body: Record<string, unknown>) {
      const { input, problems } = this.fulfilmentInput(body);
      return strapi.db.transaction(async () => {
        const order = await this.lockOrder(given.id);
        const lines = await this.lineRefs(order.id);
        const line = lines.find((l) => l.id === input.lineId);
        if (!line) problems.lineId = t('不是该订单的明细', 'is not a line of this order');
        else if (line.fulfilmentStatus !== 'pending') problems.lineId = t('该明细已履约或已退款；已履约的可以更正', 'is already fulfilled or refunded (a fulfilment can be corrected)');
        const data = line ? this.fulfilmentOf(line, input, problems, new Date()) : null;
        if (Object.keys(problems).length) throw invalid(problems);
        const remaining = lines.filter((l) => l.fulfilmentStatus === 'pending' && l.id !== line.id).length;
        const to: OrderStatus = order.state === 'partially_refunded' ? 'partially_refunded' : remaining ? 'fulfilling' : 'fulfilled';
        await this.transition(principal, order, 'fulfil', to, input.reason || undefined, { lineId: line.id, detail: { after: this.fulfilmentView({ ...line, ...data }) } });
        await strapi.db.query(LINE).update({ where: { id: line.id }, data: data! });
        if (!remaining) await this.emitFulfilled(order.id);
        const said = input.status === 'failed' ? titled('order_line_failed', { number: order.number, product: line.productName, reason: String(input.reason ?? '') })
          : input.status === 'partial' ? titled('order_line_partial', { number: order.number, product: line.productName, used: String(data!.usedQuantity) })
          : titled('order_line_fulfilled', { number: order.number, product: line.productName });
        await notify(order.sellerId, { type: 'fulfilment', ...said, title: said.title.slice(0, 200), link: `/my-orders/${order.id}/show` }, 'orders.read');
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    /** Once no line is pending and something was delivered, subscribers (incentives) hear of the fulfilment (they write once per order). */
    async emitFulfilled(orderId: number) {
      const lines = await this.lineRefs(orderId);
      if (lines.some((l) => l.fulfilmentStatus === 'pending')) return;
      if (lines.some((l) => l.fulfilmentStatus === 'fulfilled' || l.fulfilmentStatus === 'partial')) await subscribers().emit('fulfilled', orderId);
    },

    /**
     * Correct the fulfilment of a line already fulfilled, partly used or failed (a wrong code, a parcel
     * that never arrived, units used after all). The order keeps its status; the event keeps what the line
     * said before and after, with who corrected it and why. Refunds already made stay: a correction
     * changes only what the remaining units are (used or refundable). Not while a refund is under audit.
     */
    async correctFulfilment(principal: Principal, given: any, body: Record<string, unknown>) {
      const { input, problems } = this.fulfilmentInput(body);
      if (!input.reason && !problems.reason) problems.reason = t('请填写更正原因', 'is required when correcting a fulfilment');
      return strapi.db.transaction(async () => {
        const order = await this.lockOrder(given.id);
        const lines = await this.lineRefs(order.id);
        const line = lines.find((l) => l.id === input.lineId);
        if (!line) problems.lineId = t('不是该订单的明细', 'is not a line of this order');
        else if (!['fulfilled', 'partial', 'failed'].includes(line.fulfilmentStatus) || !remainingOf(line)) {
          problems.lineId = t('只能更正已履约、部分使用或履约失败且未全部退款的明细', 'only a fulfilled, partly used or failed line with units left can be corrected');
        }
        const data = line ? this.fulfilmentOf(line, input, problems, new Date()) : null;
        if (Object.keys(problems).length) throw invalid(problems);
        const before = this.fulfilmentView(line);
        const after = this.fulfilmentView({ ...line, ...data });
        if (JSON.stringify(before) === JSON.stringify(after)) throw invalid({ status: t('与当前履约信息相同，无需更正', 'is the same as the current fulfilment') });
        await this.transition(principal, order, 'correct-fulfilment', order.state, input.reason, { lineId: line.id, detail: { before, after } });
        await strapi.db.query(LINE).update({ where: { id: line.id }, data: { ...data!, fulfilledAt: line.fulfilledAt ?? data!.fulfilledAt } });
        await this.emitFulfilled(order.id);
        await notify(order.sellerId, { type: 'fulfilment', ...titled('order_line_corrected', { number: order.number, product: line.productName }), body: input.reason, link: `/my-orders/${order.id}/show` }, 'orders.read');
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    /**
     * Refunds by quantity. A refund names lines and units (`lines: [{ lineId, quantity }]`; `lineIds`
     * means the whole remaining quantity of those lines; neither means every unfulfilled unit).
     * Individual orders refund unfulfilled units at once; gov orders store the request and wait for
     * the supplier's approval. Money goes back by a reversing transfer, unfulfilled units to the calendar.
     */
    async requestRefund(principal: Principal, given: any, body: Record<string, unknown>, options: { idempotencyKey?: string } = {}) {
      const replay = await this.remembered(`seller:${principal.enterpriseId}`, options.idempotencyKey, `refund:${given.id}`, body);
      if (replay) return replay;
      const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 200) : '';
      return strapi.db.transaction(async () => {
        const order = await this.lockOrder(given.id);
        const lines = await this.lineRefs(order.id);
        const chosen = this.refundParts(order, lines, body);
        const requested = chosen.map((c) => ({ lineId: c.line.id, quantity: c.quantity }));
        if (order.channel === 'gov') {
          await this.transition(principal, order, 'request-refund', 'refund_pending', reason);
          await strapi.db.query(ORDER).update({ where: { id: order.id }, data: {
            refundFromStatus: order.state, refundLineIds: requested.map((r) => r.lineId), refundLines: requested,
            refundReason: reason || null,
          } });
          await notify(order.supplierId, { type: 'refund', ...titled('refund_requested', { number: order.number }), body: reason, link: `/orders/gov/${order.id}/show` }, 'orders.audit');
        } else {
          const to = this.afterRefund(lines, chosen);
          await this.transition(principal, order, 'request-refund', to, reason);
          await this.refundLines(order, chosen, principal);
        }
        await this.remember(`seller:${principal.enterpriseId}`, options.idempotencyKey, `refund:${order.id}`, order.id, body);
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    /** The lines and units a refund request names, checked against what each line has left (400 naming the field). */
    refundParts(order: any, lines: any[], body: Record<string, unknown>): RefundPart[] {
      const individual = order.channel !== 'gov';
      if (Array.isArray(body.lines) && Array.isArray(body.lineIds)) {
        throw invalid({ lineIds: t('请只用 lines（按数量）或 lineIds（整行）之一', 'send either lines (by quantity) or lineIds (whole lines), not both') });
      }
      if (Array.isArray(body.lines)) {
        const problems: FieldErrors = {};
        const seen = new Set<number>();
        const parts = (body.lines as { lineId: number; quantity: number }[]).map((item, i) => {
          const line = lines.find((l) => l.id === item.lineId);
          const refuse = (field: string, text: ReturnType<typeof t>) => { problems[`lines.${i}.${field}`] = text; return null; };
          if (!line || seen.has(item.lineId)) {
            return refuse('lineId', t('请选择该订单中可退款的明细（每条一次）', 'choose a refundable line of this order (once each)'));
          }
          seen.add(line.id);
          // individual orders refund the units not used (pending, failed, the unused part of a partly used line)
          const left = individual ? unusedOf(line) : remainingOf(line);
          if (individual && !left && remainingOf(line)) {
            return refuse('lineId', t('个人客户订单只能直接退还未使用的份数', 'individual orders refund unused units only'));
          }
          if (!left) return refuse('lineId', t('该明细已无可退数量', 'has nothing left to refund'));
          if (item.quantity > left) return refuse('quantity', t(`最多可退 ${left}`, `at most ${left} can be refunded`));
          return { line, quantity: item.quantity };
        });
        if (!parts.length) problems.lines = t('请选择要退款的明细', 'choose the lines to refund');
        if (Object.keys(problems).length) throw invalid(problems);
        return parts as RefundPart[];
      }
      const wanted = Array.isArray(body.lineIds) ? (body.lineIds as unknown[])
        : lines.filter((l) => unusedOf(l)).map((l) => l.id);
      const chosen = lines.filter((l) => wanted.includes(l.id));
      const refuse = (zh: string, en: string) => invalid({ lineIds: t(zh, en) });
      if (!chosen.length || chosen.length !== wanted.length) throw refuse('请选择该订单中可退款的明细', 'choose refundable lines of this order');
      if (chosen.some((l) => !remainingOf(l))) throw refuse('包含已退款的明细', 'includes lines already refunded');
      if (individual && chosen.some((l) => !unusedOf(l))) {
        throw refuse('个人客户订单只能直接退还未使用的份数', 'individual orders refund unused units only');
      }
      return chosen.map((line) => ({ line, quantity: individual ? unusedOf(line) : remainingOf(line) }));
    },

    /** The order's status after a refund: refunded when no line has a unit left, else partially refunded. */
    afterRefund(lines: any[], chosen: RefundPart[]): OrderStatus {
      const left = lines.some((l) => remainingOf(l) - (chosen.find((c) => c.line.id === l.id)?.quantity ?? 0) > 0);
      return left ? 'partially_refunded' : 'refunded';
    },

    async refundLines(order: any, chosen: RefundPart[], principal: Principal | null) {
      const amounts = chosen.map(({ line, quantity }) => {
        const before = num(line.refundedQuantity);
        // the last units take what is left of the amount, so a line refunded in parts returns exactly its amount
        return before + quantity === line.quantity ? num(line.amount) - num(line.unitPrice) * before : num(line.unitPrice) * quantity;
      });
      const amount = amounts.reduce((sum, a) => sum + a, 0);
      // made by the server from the refunded units: a whole line is its id, part of one `<id>.<units before>.<units>`
      // (at most 100 characters in a transfer id: digested when long)
      const ids = chosen.map(({ line, quantity }) => {
        const before = num(line.refundedQuantity);
        return before === 0 && quantity === line.quantity ? `${line.id}` : `${line.id}.${before}.${quantity}`;
      }).join('-');
      const key = ids.length <= 64 ? ids : `h${createHash('sha256').update(ids).digest('base64url')}`;
      await ledger().refund(order.accountId, amount, { transferId: `order:${order.number}:refund:${key}`, orderRef: order.number, operatorId: principal?.userId ?? null });
      // refunds take the unused units first: those go back to the calendar, used ones do not
      const unused = chosen.map(({ line, quantity }) => ({ line, units: Math.min(quantity, unusedOf(line)) })).filter((c) => c.units > 0);
      if (unused.length) {
        // each reservation of the line (a combo's parts as they were reserved) gives back its share of the units
        await inventory().returnShare(unused.map(({ line, units }) => ({ reference: `line:${line.id}`, units, of: num(line.quantity) })));
      }
      for (const { line, quantity } of chosen) {
        const refundedQuantity = num(line.refundedQuantity) + quantity;
        await strapi.db.query(LINE).update({ where: { id: line.id }, data: {
          refundedQuantity, ...(refundedQuantity === line.quantity ? { fulfilmentStatus: 'refunded' } : {}),
        } });
      }
      // an increment, not a read-modify-write: the amount is right whatever was read before
      await strapi.db.transaction(({ trx }) => trx('orders').where({ id: order.id }).increment('refunded_amount', amount));
      await subscribers().emit('refunded', order.id, {
        refundKey: key, lineIds: chosen.map((c) => c.line.id),
        refunds: chosen.map((c, i) => ({ lineId: c.line.id, quantity: c.quantity, amount: amounts[i] })),
      });
      await notify(order.sellerId, { type: 'refund', ...titled('refund_done', { number: order.number, amount: (amount / 100).toFixed(2) }), link: `/my-orders/${order.id}/show` }, 'orders.read');
    },

    async approveRefund(principal: Principal, given: any) {
      return strapi.db.transaction(async () => {
        const order = await this.lockOrder(given.id);
        const lines = await this.lineRefs(order.id);
        // requests stored before refunds by quantity name whole lines (refundLineIds): their remaining units
        const requested: { lineId: number; quantity?: number }[] = Array.isArray(order.refundLines) ? order.refundLines
          : ((order.refundLineIds ?? []) as number[]).map((lineId) => ({ lineId }));
        const chosen = requested.flatMap((r) => {
          const line = lines.find((l) => l.id === r.lineId);
          const quantity = line ? Math.min(r.quantity ?? remainingOf(line), remainingOf(line)) : 0;
          return quantity > 0 ? [{ line, quantity }] : [];
        });
        await this.transition(principal, order, 'approve-refund', this.afterRefund(lines, chosen));
        if (chosen.length) await this.refundLines(order, chosen, principal);
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },

    async rejectRefund(principal: Principal, order: any, reason: unknown) {
      if (typeof reason !== 'string' || !reason.trim() || reason.length > 200) throw invalid({ reason: t('请填写驳回原因（不超过 200 字）', 'is required (at most 200 characters)') });
      return strapi.db.transaction(async () => {
        await this.transition(principal, order, 'reject-refund', order.refundFromStatus as OrderStatus, reason.trim());
        await notify(order.sellerId, { type: 'refund', ...titled('refund_rejected', { number: order.number }), body: reason.trim(), link: `/my-orders/${order.id}/show` }, 'orders.read');
        return strapi.db.query(ORDER).findOne({ where: { id: order.id } });
      });
    },
  };
};
