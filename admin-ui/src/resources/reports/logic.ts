import { addDays, REPORT_GROUPS, REPORT_MAX_DAYS, shanghaiDay, type ReportGroup, type Side } from '@cop/config';
import type { SalesReport, SalesReportRow } from '../../dataProvider';
import { fenToYuan } from '../shared';

/** The groupings of 报表管理: 按产品 / 按交易对方 / 按渠道 / 按日期 (GET /orders/report?groupBy=). */
export { REPORT_GROUPS };
export type { ReportGroup };
export type ReportSort = 'amount' | 'quantity';

/** The server refuses longer ranges (400 naming `to`): the same constant. */
export const MAX_REPORT_DAYS = REPORT_MAX_DAYS;
/** The default period: the last 30 days, today included. */
export const DEFAULT_REPORT_DAYS = 30;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;

export interface ReportForm {
  groupBy: ReportGroup;
  from: string;
  to: string;
  /** Sent only for enterprises of kind both (the server picks the only side of the others). */
  side?: Side;
  /** Largest first by amount or quantity (not for 按日期, which runs by day). */
  sort?: ReportSort;
}

/** The last `days` Asia/Shanghai days up to today: { from, to } as YYYY-MM-DD. */
export function lastDays(days: number, today: string = shanghaiDay(new Date())): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Days from `from` to `to`, both included (NaN when either is not a day). */
export function daysBetween(from: string, to: string): number {
  if (!DAY.test(from) || !DAY.test(to)) return Number.NaN;
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
}

export interface RangeProblems {
  from?: string;
  to?: string;
}

/**
 * What is wrong with a report's date range, per field, as translation keys (the checks of the server:
 * both dates, `to` not before `from`, at most 366 days; the last two on `to`, as the server names it).
 */
export function rangeProblems(from: string, to: string): RangeProblems {
  const problems: RangeProblems = {};
  if (!DAY.test(from ?? '')) problems.from = from ? 'cop.reports.not_a_date' : 'ra.validation.required';
  if (!DAY.test(to ?? '')) problems.to = to ? 'cop.reports.not_a_date' : 'ra.validation.required';
  if (problems.from || problems.to) return problems;
  if (to < from) problems.to = 'cop.validation.date_order';
  else if (daysBetween(from, to) > MAX_REPORT_DAYS) problems.to = 'cop.reports.range_too_long';
  return problems;
}

/** The query string of GET /orders/report and /orders/report-export (only the parameters the server knows). */
export function reportQueryString(form: ReportForm): string {
  const params = new URLSearchParams({ groupBy: form.groupBy, from: form.from, to: form.to });
  if (form.side) params.set('side', form.side);
  if (form.groupBy !== 'day' && form.sort) params.set('sort', form.sort);
  return params.toString();
}

/**
 * The field errors of a refused report (400 `errors: { from, to, … }`): `from` and `to` go under their
 * inputs, anything else (and a message without field errors) above the table.
 */
export function reportErrors(error: unknown): { from?: string; to?: string; message?: string } {
  if (!error) return {};
  const body = (error as { body?: { message?: string; errors?: Record<string, unknown> } }).body;
  const errors = body?.errors && typeof body.errors === 'object' ? body.errors : {};
  const out: { from?: string; to?: string; message?: string } = {};
  const others: string[] = [];
  for (const [field, text] of Object.entries(errors)) {
    if (field === 'from' || field === 'to') out[field] = String(text);
    else others.push(String(text));
  }
  if (others.length) out.message = others.join('; ');
  else if (!out.from && !out.to) out.message = body?.message || (error as Error).message || 'ra.notification.http_error';
  return out;
}

/** The tab label of 按交易对方: a supplier reports by its sellers, a seller by its suppliers. */
export const counterpartyLabel = (side: Side) => (side === 'supplier' ? 'cop.reports.by_seller' : 'cop.reports.by_supplier');

/** The label column's heading per grouping (the counterparty's by side). */
export const labelHeading = (groupBy: ReportGroup, side: Side) =>
  groupBy === 'counterparty' ? (side === 'supplier' ? 'cop.reports.col_seller' : 'cop.reports.col_supplier') : `cop.reports.col_${groupBy}`;

/** A row's label as shown: channels translated, the rest (products, enterprises, days) as the server names them. */
export function rowLabel(groupBy: ReportGroup, row: Pick<SalesReportRow, 'key' | 'label'>, translate: (key: string, options?: any) => string) {
  if (groupBy === 'channel') return translate(`cop.order_channel.${row.key}`, { _: row.label || String(row.key) });
  return row.label || String(row.key);
}

/** The bars of the chart: at most `limit` rows (the largest come first), amounts in yuan. */
export interface ChartPoint {
  label: string;
  amount: number;
  net: number;
}

export function chartPoints(
  report: Pick<SalesReport, 'rows'> & { query: { groupBy: string; from: string; to: string } },
  label: (row: SalesReportRow) => string,
  limit = 20,
): ChartPoint[] {
  const point = (row: SalesReportRow) => ({ label: label(row), amount: fenToYuan(row.amount) ?? 0, net: fenToYuan(row.net) ?? 0 });
  if (report.query.groupBy !== 'day') return report.rows.slice(0, limit).map(point);
  // 按日期: every day of the range, days without sales as 0 (the server lists only days with sales)
  const byDay = new Map(report.rows.map((row) => [String(row.key), row]));
  const days = daysBetween(report.query.from, report.query.to);
  if (!Number.isFinite(days) || days < 1) return report.rows.map(point);
  return Array.from({ length: days }, (_, index) => {
    const day = addDays(report.query.from, index);
    const row = byDay.get(day);
    return row ? point({ ...row, label: day.slice(5) }) : { label: day.slice(5), amount: 0, net: 0 };
  });
}
