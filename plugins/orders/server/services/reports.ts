import type { Core } from '@strapi/types';
import { addDays, codeLabel, errors, FieldErrors, invalid, isDay, REPORT_GROUPS, REPORT_MAX_DAYS, shanghaiDay, sidesOf } from '@cop/config';
import type { ReportGroup } from '@cop/config';
import type { Lang, Side } from '@cop/config';
import type { Principal } from '@cop/plugin-console';

const t = errors.text;
const DAY_MS = 86_400_000;
export const MAX_REPORT_DAYS = REPORT_MAX_DAYS;
/** Orders that were paid: sales, whatever happened after (refunds are shown beside them). */
export const SOLD_STATUSES = ['paid', 'fulfilling', 'fulfilled', 'refund_pending', 'partially_refunded', 'refunded'];
export const GROUPS = REPORT_GROUPS;
export type GroupBy = ReportGroup;
const PARAMS = ['side', 'groupBy', 'from', 'to', 'sort', 'limit'];

export interface ReportQuery { side: Side; groupBy: GroupBy; from: string; to: string; sort: 'amount' | 'quantity'; limit: number | null }
/** Gross quantity and amount of the paid orders, what was refunded of them, and the net (gross − refunded). */
export interface ReportRow {
  key: string | number; label: string; orders: number; quantity: number; amount: number; refunded: number; net: number;
  refundedQuantity: number; netQuantity: number;
}

/**
 * Sales reports (F97) and the home pages' order figures (F03, F04): aggregate SQL over orders and
 * their lines, scoped to the caller's side, grouped by product, counterparty, channel or
 * Asia/Shanghai day, over at most a year of order dates.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const bounds = (from: string, to: string) => [new Date(`${from}T00:00:00+08:00`), new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS)];

  return {
    /** Checks the query string: known keys only, dates, at most a year, the caller's sides. */
    parse(principal: Principal, query: Record<string, unknown>, defaults: Partial<ReportQuery> = {}): ReportQuery {
      const problems: FieldErrors = {};
      for (const key of Object.keys(query)) if (!PARAMS.includes(key)) problems[key] = t('未知的查询参数', 'is not a known parameter');
      const sides = sidesOf(principal.enterpriseKind);
      const side = (query.side ?? defaults.side ?? (sides.includes('supplier') ? 'supplier' : 'seller')) as Side;
      if (!sides.includes(side)) problems.side = t(`应为 ${sides.join(' 或 ')}`, `must be ${sides.join(' or ')}`);
      const groupBy = (query.groupBy ?? defaults.groupBy ?? 'day') as GroupBy;
      if (!GROUPS.includes(groupBy)) problems.groupBy = t(`应为 ${GROUPS.join('、')}`, `must be one of ${GROUPS.join(', ')}`);
      const today = shanghaiDay(new Date());
      const from = String(query.from ?? defaults.from ?? addDays(today, -29));
      const to = String(query.to ?? defaults.to ?? today);
      if (!isDay(from)) problems.from = t('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)');
      if (!isDay(to)) problems.to = t('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)');
      else if (isDay(from) && to < from) problems.to = t('不能早于开始日期', 'must not be before from');
      else if (isDay(from) && (Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_REPORT_DAYS) problems.to = t(`日期范围不能超过 ${MAX_REPORT_DAYS} 天`, `the range must be at most ${MAX_REPORT_DAYS} days`);
      const sort = (query.sort ?? defaults.sort ?? 'amount') as 'amount' | 'quantity';
      if (sort !== 'amount' && sort !== 'quantity') problems.sort = t('应为 amount 或 quantity', 'must be amount or quantity');
      const limit = query.limit === undefined ? defaults.limit ?? null : Number(query.limit);
      if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) problems.limit = t('应为 1–1000 的整数', 'must be a whole number from 1 to 1000');
      if (Object.keys(problems).length) throw invalid(problems);
      return { side, groupBy, from, to, sort, limit };
    },

    /**
     * Rows (orders, quantity, amount, refunded, net) per group plus a totals row, read from the
     * maintained summaries (sales_days; product_sales_days for products), never from the orders.
     */
    async sales(principal: Principal, q: ReportQuery, options: { net?: boolean } = {}): Promise<{ query: ReportQuery; rows: ReportRow[]; totals: Omit<ReportRow, 'key' | 'label'> }> {
      const db = knex();
      const mine = q.side === 'supplier' ? 'supplier_id' : 'seller_id';
      const other = q.side === 'supplier' ? 'seller_id' : 'supplier_id';
      const days = () => db('sales_days').where(mine, principal.enterpriseId).where('day', '>=', q.from).where('day', '<=', q.to);
      const measures = (query: any) => query.sum({ orders: 'orders', quantity: 'quantity', amount: 'amount', refunded: 'refunded', refundedQuantity: 'refunded_quantity' });
      let grouped = q.groupBy === 'product'
        ? measures(db('product_sales_days').where({ side: q.side, enterprise_id: principal.enterpriseId }).where('day', '>=', q.from).where('day', '<=', q.to)
          .select({ k: 'product_id' }, db.raw('max(product_name) as label'))).groupBy('product_id')
        : measures(days().select({ k: { day: 'day', channel: 'channel', counterparty: other }[q.groupBy] })).groupBy({ day: 'day', channel: 'channel', counterparty: other }[q.groupBy]);
      if (options.net && q.groupBy !== 'day') {
        // the ranking: net of refunds (what was refunded does not count), and nothing wholly refunded
        const net = q.sort === 'amount' ? 'sum(amount) - sum(refunded)' : 'sum(quantity) - sum(refunded_quantity)';
        grouped = grouped.havingRaw('sum(quantity) - sum(refunded_quantity) > 0').orderByRaw(`${net} desc`).orderBy('k', 'asc');
      } else grouped = q.groupBy === 'day' ? grouped.orderBy('k', 'asc') : grouped.orderBy(q.sort, 'desc').orderBy('k', 'asc');
      if (q.limit) grouped = grouped.limit(q.limit);
      const [rows, [total]] = await Promise.all([grouped, measures(days())]);
      const names = q.groupBy === 'counterparty'
        ? await strapi.plugin('identity').service('partnerships').namesOf('plugin::identity.enterprise', (rows as any[]).map((r) => Number(r.k)))
        : new Map();
      const shape = (r: any) => {
        const amount = Number(r.amount ?? 0);
        const refunded = Number(r.refunded ?? 0);
        const quantity = Number(r.quantity ?? 0);
        const refundedQuantity = Number(r.refundedQuantity ?? 0);
        return { orders: Number(r.orders ?? 0), quantity, amount, refunded, net: amount - refunded, refundedQuantity, netQuantity: quantity - refundedQuantity };
      };
      return {
        query: q,
        rows: (rows as any[]).map((r) => {
          const k = q.groupBy === 'channel' || q.groupBy === 'day' ? String(r.k) : Number(r.k);
          const label = q.groupBy === 'product' ? String(r.label) : q.groupBy === 'counterparty' ? names.get(Number(r.k)) ?? String(r.k) : String(k);
          return { key: k, label, ...shape(r) };
        }),
        totals: shape(total ?? {}),
      };
    },

    /**
     * The home pages' figures (F03, F04) for one side of the caller's enterprise: payments (captures)
     * and refunds today, this month and per day over the last 30 days, from the ledger's transfers;
     * and orders and amounts by status and channel over 30 days. Each part needs the key of the data it
     * shows: the money figures `ledger.read`, the orders `orders.read`; a part the caller may not read is
     * left out, and a caller holding neither key is refused (403).
     */
    async statistics(principal: Principal, side?: unknown, now = new Date()) {
      const money = principal.permissions.has('ledger.read');
      const orders = principal.permissions.has('orders.read');
      if (!money && !orders) throw errors.forbidden('ledger.read');
      const sides = sidesOf(principal.enterpriseKind);
      if (side !== undefined && !sides.includes(side as Side)) throw invalid({ side: t('应为 ' + sides.join(' 或 '), 'must be ' + sides.join(' or ')) });
      const chosen = (side as Side | undefined) ?? (sides.includes('seller') ? 'seller' : 'supplier');
      const byStatus = orders ? { orders: await this.byStatus(principal, chosen, 30, now) } : {};
      if (!money) return { side: chosen, ...byStatus };
      const today = shanghaiDay(now);
      const monthStart = `${today.slice(0, 8)}01`;
      const trendStart = addDays(today, -29);
      const party = chosen === 'seller' ? { sellerId: principal.enterpriseId } : { supplierId: principal.enterpriseId };
      const days: { day: string; payments: number; refunds: number }[] = await strapi.plugin('ledger').service('ledger')
        .flows(party, monthStart < trendStart ? monthStart : trendStart, today);
      const sum = (from: string) => days.filter((d) => d.day >= from).reduce((acc, d) => ({ payments: acc.payments + d.payments, refunds: acc.refunds + d.refunds }), { payments: 0, refunds: 0 });
      return { side: chosen, today: sum(today), month: sum(monthStart), trend: days.filter((d) => d.day >= trendStart), ...byStatus };
    },

    /** Orders and amounts by status and channel over the last `days` days (the supplier home). */
    async byStatus(principal: Principal, side: Side, days = 30, now = new Date()) {
      const [start, end] = bounds(addDays(shanghaiDay(now), -(days - 1)), shanghaiDay(now));
      const rows = await knex()('orders').where(side === 'supplier' ? 'supplier_id' : 'seller_id', principal.enterpriseId)
        .where('created_at', '>=', start).where('created_at', '<', end)
        .select('state', 'channel').count({ orders: 'id' }).sum({ amount: 'total_amount' }).groupBy('state', 'channel');
      return (rows as any[]).map((r) => ({ status: r.state, channel: r.channel, orders: Number(r.orders), amount: Number(r.amount ?? 0) }));
    },

    /** The report as an Excel workbook (exceljs): header, rows, totals; money in yuan. */
    async workbook(report: { query: ReportQuery; rows: ReportRow[]; totals: Omit<ReportRow, 'key' | 'label'> }, lang: Lang): Promise<Buffer> {
      const ExcelJS = require('exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(lang === 'en' ? 'Sales' : '销售报表');
      const heads: Record<string, [string, string]> = {
        label: [{ product: '产品', counterparty: '交易对方', channel: '渠道', day: '日期' }[report.query.groupBy as GroupBy], { product: 'Product', counterparty: 'Counterparty', channel: 'Channel', day: 'Day' }[report.query.groupBy as GroupBy]],
        orders: ['订单数', 'Orders'], quantity: ['数量', 'Quantity'], amount: ['销售额（元）', 'Sales (yuan)'], refunded: ['退款（元）', 'Refunded (yuan)'], net: ['净额（元）', 'Net (yuan)'],
      };
      sheet.columns = Object.entries(heads).map(([key, [zh, en]]) => ({ header: lang === 'en' ? en : zh, key, width: key === 'label' ? 28 : 14 }));
      const yuan = (fen: number) => Math.round(fen) / 100;
      for (const row of [...report.rows, { key: '', label: lang === 'en' ? 'Total' : '合计', ...report.totals }]) {
        const label = report.query.groupBy === 'channel' && row.key !== '' ? codeLabel('order_channel', row.label, lang) : row.label;
        sheet.addRow({
          label, orders: row.orders, quantity: row.quantity, amount: yuan(row.amount), refunded: yuan(row.refunded), net: yuan(row.net),
        });
      }
      for (const key of ['amount', 'refunded', 'net']) sheet.getColumn(key).numFmt = '#,##0.00';
      sheet.getRow(1).font = { bold: true };
      sheet.lastRow!.font = { bold: true };
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  };
};
