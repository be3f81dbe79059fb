import simpleRestProvider from 'ra-data-simple-rest';
import {
  HttpError,
  type DataProvider,
  type GetListParams,
  type Identifier,
  type RaRecord,
  type SortPayload,
} from 'react-admin';
import { apiFetch, apiFetchRaw } from './auth/httpClient';
import { apiResource } from './apiResources';

export const API_BASE = '/api/console';

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
  messageEn?: string;
}

/** One data row of an import preview: what it holds, and ok or invalid with its problems. */
export interface ImportPreviewRow {
  row: number;
  employeeNo: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  department: string | null;
  position: string | null;
  result: 'ok' | 'invalid';
  errors: ImportRowError[];
}

/** POST /employees/import-preview: the import's dry run (nothing written). */
export interface ImportPreview {
  total: number;
  valid: number;
  invalid: number;
  /** Rows of the template's example, not imported. */
  skipped: number[];
  rows: ImportPreviewRow[];
}

export interface CopDataProvider extends DataProvider {
  resetAccountPassword(id: Identifier, password: string): Promise<{ data: RaRecord }>;
  markNotificationRead(id: Identifier): Promise<{ data: RaRecord }>;
  /** POST /notifications/read-all { filter }: marks read what the list shows under this filter (all without one). */
  markAllNotificationsRead(filter?: Record<string, unknown>): Promise<{ data: unknown }>;
  /** POST /employees/import: the rows imported, and the template's example rows skipped (their row numbers). */
  importEmployees(file: File): Promise<{ imported: number; skipped?: number[] }>;
  /** The same file checked row by row without writing anything (预览 before 确认导入). */
  previewEmployeeImport(file: File): Promise<ImportPreview>;
  downloadEmployeeTemplate(): Promise<{ blob: Blob; filename?: string }>;
  /**
   * POST /<resource>/<id>/<verb> with a JSON body; resolves with the updated record. Money postings
   * pass an `idempotencyKey` (sent as the Idempotency-Key header: a retry never posts twice).
   */
  verb(
    resource: string,
    id: Identifier,
    verb: string,
    body?: Record<string, unknown>,
    options?: VerbOptions,
  ): Promise<{ data: RaRecord }>;
  /** POST /orders (立即下单) with an Idempotency-Key: resolves with the new order. */
  placeOrder(body: Record<string, unknown>, options?: VerbOptions): Promise<{ data: RaRecord }>;
  /**
   * POST /cart-items/checkout with an Idempotency-Key: the chosen lines of one cart become one order
   * per supplier (a 400 names the cart lines as `items.<cartItemId>.<field>`).
   */
  checkoutCart(body: Record<string, unknown>, options?: VerbOptions): Promise<{ orders: CheckoutResult[] }>;
  /** GET /<resource>/export?filter=…&sort=… : the Excel workbook of the filtered list. */
  exportList(resource: string, params: ExportParams): Promise<{ blob: Blob; filename?: string }>;
  maintainStock(body: StockMaintenance): Promise<{ changed: number; slots: unknown }>;
  uploadFile(file: File): Promise<UploadedFile>;
  downloadAgreementAttachment(agreementId: Identifier, fileId: Identifier, options?: FileOptions): Promise<FileDownload>;
  /**
   * GET /<resource>/<id>/<verb>?fileId=N: one of the record's pictures or attachments (verb `file` on
   * collaboration records, `picture` on products, the catalogue and orders).
   */
  downloadRecordFile(resource: string, id: Identifier, fileId: Identifier, options?: FileOptions & { verb?: string }): Promise<FileDownload>;
  /** GET /files/<id>/download: a file my enterprise uploaded (previews in forms before the record is saved). */
  downloadOwnFile(fileId: Identifier): Promise<{ blob: Blob; filename?: string }>;
  /** GET /conversations/unread: the unread messages over my enterprise's threads. */
  conversationsUnread(): Promise<{ total: number }>;
  /**
   * GET /orders/statistics?side=…: payments and refunds today, this month and per day over 30 days,
   * and the orders of the last 30 days by status and channel (fen).
   */
  orderStatistics(side?: 'seller' | 'supplier'): Promise<OrderStatistics>;
  /** GET /incentive-records/balances: my enterprise's balance of each kind of points. */
  incentiveBalances(): Promise<IncentiveBalances>;
  /** GET /orders/report?<query>: a sales report (reports.read); the query string as reportQueryString builds it. */
  salesReport(query: string): Promise<SalesReport>;
  /** GET /orders/report-export?<query>: the same report as an Excel workbook. */
  exportSalesReport(query: string): Promise<{ blob: Blob; filename?: string }>;
  /** GET /orders/ranking?<query>: the top 10 products of a period (热销排行, orders.read). */
  orderRanking(query: string): Promise<SalesReport>;
  /** GET /catalogue/:id/stock?day=: what is left to order (for the day with daily stock); null when not managed. */
  catalogueStock(id: Identifier, day?: string): Promise<{ available: number | null }>;
}

/** How a file is asked for: `inline` previews it in the page (images and PDFs; the rest stay attachments). */
export interface FileOptions {
  disposition?: 'inline' | 'attachment';
}

/** A downloaded file: its bytes (typed by the answer's Content-Type), its name, and the API URL it came from. */
export interface FileDownload {
  blob: Blob;
  filename?: string;
  url: string;
}

export interface OrderStatisticsFigures {
  payments: number;
  refunds: number;
}

/** Orders created over the last 30 days with one status in one channel (amount in fen). */
export interface OrdersByStatus {
  status: string;
  channel: string;
  orders: number;
  amount: number;
}

export interface OrderStatistics {
  side: 'seller' | 'supplier';
  /** The money figures: only with ledger.read. */
  today?: OrderStatisticsFigures;
  month?: OrderStatisticsFigures;
  trend?: ({ day: string } & OrderStatisticsFigures)[];
  /** The orders by status and channel: only with orders.read. */
  orders?: OrdersByStatus[];
}

export interface IncentiveBalances {
  collaboration: number;
  bonus: number;
}

/** The measures of a report row and of its totals (money in fen). */
export interface SalesFigures {
  orders: number;
  quantity: number;
  amount: number;
  refunded: number;
  net: number;
  /** Units refunded, and sold net of them (the ranking ranks by these). */
  refundedQuantity?: number;
  netQuantity?: number;
}

export interface SalesReportRow extends SalesFigures {
  key: string | number;
  label: string;
}

/** What GET /orders/report (and /orders/ranking) answers. */
export interface SalesReport {
  query: { side: 'seller' | 'supplier'; groupBy: string; from: string; to: string; sort: string; limit: number | null };
  rows: SalesReportRow[];
  totals: SalesFigures;
}

export interface VerbOptions {
  idempotencyKey?: string;
}

export interface CheckoutResult {
  id: number;
  number: string;
  status: string;
  totalAmount: number;
  supplierId: number;
}

export interface ExportParams {
  filter?: Record<string, unknown>;
  sort?: SortPayload;
}

export interface StockMaintenance {
  productId: Identifier;
  mode: 'set' | 'add';
  quantity: number;
  from?: string;
  to?: string;
}

export interface UploadedFile {
  id: number;
  name: string;
  mime: string;
  size: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Timestamp fields end in `At` (createdAt, updatedAt…); other dates (slot, validFrom…) are plain days. */
const TIMESTAMP_FILTER = /At_(gte|gt|lte|lt)$/;

/**
 * Date filters on timestamps (`createdAt_gte: '2025-01-31'`) are whole days in Asia/Shanghai: a lower
 * bound starts the day, an upper bound ends it. Everything else, including bounds on date-only fields
 * (`slot_gte`, `validFrom_gte`…), passes through unchanged.
 */
export function normalizeFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && DATE_ONLY.test(value) && TIMESTAMP_FILTER.test(key)) {
      if (key.endsWith('_gte') || key.endsWith('_gt')) {
        out[key] = `${value}T00:00:00.000+08:00`;
        continue;
      }
      if (key.endsWith('_lte') || key.endsWith('_lt')) {
        out[key] = key.endsWith('_lte') ? `${value}T23:59:59.999+08:00` : `${value}T00:00:00.000+08:00`;
        continue;
      }
    }
    out[key] = value;
  }
  return out;
}

function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : undefined;
}

async function download(url: string): Promise<FileDownload> {
  const response = await apiFetchRaw(url);
  if (!response.ok) {
    let body: any;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new HttpError(body?.message || response.statusText, response.status, body);
  }
  return {
    blob: await response.blob(),
    filename: filenameFrom(response.headers.get('Content-Disposition')),
    url,
  };
}

const segment = (value: Identifier | string) => encodeURIComponent(String(value));

/** `fileId=N[&disposition=inline]`: the query of the GET file verbs. */
const fileQuery = (fileId: Identifier, { disposition }: FileOptions) =>
  `fileId=${segment(fileId)}${disposition ? `&disposition=${disposition}` : ''}`;

/** POST a JSON body, with the Idempotency-Key header when given. */
function postJson(url: string, body: Record<string, unknown>, options: VerbOptions = {}) {
  return apiFetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(options.idempotencyKey ? { headers: new Headers({ 'Idempotency-Key': options.idempotencyKey }) } : {}),
  });
}

/**
 * The export URL of a list with its current filter and sort, encoded as ra-data-simple-rest encodes
 * getList (same filter normalisation, so the workbook holds exactly the rows the list shows).
 */
export function exportUrl(resource: string, { filter = {}, sort }: ExportParams = {}): string {
  const query = [`filter=${encodeURIComponent(JSON.stringify(normalizeFilter(filter)))}`];
  if (sort?.field) query.push(`sort=${encodeURIComponent(JSON.stringify([sort.field, sort.order === 'ASC' ? 'ASC' : 'DESC']))}`);
  return `${API_BASE}/${apiResource(resource)}/export?${query.join('&')}`;
}

/** A multipart body holding one file as the field `file`. */
function fileForm(file: File): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
}

const base = simpleRestProvider(API_BASE, apiFetch);

/**
 * ra-data-simple-rest, with page resources mapped to their server resource (apiResources.ts).
 * getMany reads each record with getOne: the console API lists no `id` filter.
 */
export const dataProvider: CopDataProvider = {
  ...base,
  getList: (resource: string, params: GetListParams) =>
    base.getList(apiResource(resource), { ...params, filter: normalizeFilter(params.filter) }),
  getOne: (resource, params) => base.getOne(apiResource(resource), params),
  async getMany(resource, params) {
    const ids = Array.from(new Set(params.ids));
    const records = await Promise.all(
      ids.map((id) => base.getOne(apiResource(resource), { id, meta: params.meta }).then(({ data }) => data)),
    );
    return { data: records as any[] };
  },
  getManyReference: (resource, params) =>
    base.getManyReference(apiResource(resource), { ...params, filter: normalizeFilter(params.filter) }),
  create: (resource, params) => base.create(apiResource(resource), params),
  update: (resource, params) => base.update(apiResource(resource), params),
  updateMany: (resource, params) => base.updateMany(apiResource(resource), params),
  delete: (resource, params) => base.delete(apiResource(resource), params),
  deleteMany: (resource, params) => base.deleteMany(apiResource(resource), params),

  async verb(resource, id, verb, body = {}, options = {}) {
    const { json } = await postJson(`${API_BASE}/${apiResource(resource)}/${segment(id)}/${segment(verb)}`, body, options);
    return { data: json };
  },

  async placeOrder(body, options = {}) {
    const { json } = await postJson(`${API_BASE}/orders`, body, options);
    return { data: json };
  },

  async checkoutCart(body, options = {}) {
    const { json } = await postJson(`${API_BASE}/cart-items/checkout`, body, options);
    return json as { orders: CheckoutResult[] };
  },

  exportList(resource, params) {
    return download(exportUrl(resource, params));
  },

  async maintainStock(body) {
    const { json } = await apiFetch(`${API_BASE}/stock-days/maintain`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json as { changed: number; slots: unknown };
  },

  async uploadFile(file) {
    const body = new FormData();
    body.append('file', file, file.name);
    const { json } = await apiFetch(`${API_BASE}/files/upload`, { method: 'POST', body });
    return json as UploadedFile;
  },

  downloadAgreementAttachment(agreementId, fileId, options = {}) {
    return download(`${API_BASE}/agreements/${segment(agreementId)}/attachment?${fileQuery(fileId, options)}`);
  },

  downloadRecordFile(resource, id, fileId, { verb = 'file', ...options } = {}) {
    return download(`${API_BASE}/${apiResource(resource)}/${segment(id)}/${segment(verb)}?${fileQuery(fileId, options)}`);
  },

  downloadOwnFile(fileId) {
    return download(`${API_BASE}/files/${segment(fileId)}/download`);
  },

  async conversationsUnread() {
    const { json } = await apiFetch(`${API_BASE}/conversations/unread`);
    const total = Number((json as { total?: unknown } | undefined)?.total);
    return { total: Number.isFinite(total) ? total : 0 };
  },

  async orderStatistics(side) {
    const { json } = await apiFetch(`${API_BASE}/orders/statistics${side ? `?side=${segment(side)}` : ''}`);
    return json as OrderStatistics;
  },

  async catalogueStock(id, day) {
    const { json } = await apiFetch(`${API_BASE}/catalogue/${segment(String(id))}/stock${day ? `?day=${segment(day)}` : ''}`);
    const available = (json as { available?: unknown } | undefined)?.available;
    return { available: typeof available === 'number' ? available : null };
  },

  async incentiveBalances() {
    const { json } = await apiFetch(`${API_BASE}/incentive-records/balances`);
    const balances = (json ?? {}) as Partial<IncentiveBalances>;
    return { collaboration: Number(balances.collaboration ?? 0), bonus: Number(balances.bonus ?? 0) };
  },

  async salesReport(query) {
    const { json } = await apiFetch(`${API_BASE}/orders/report?${query}`);
    return json as SalesReport;
  },

  exportSalesReport(query) {
    return download(`${API_BASE}/orders/report-export?${query}`);
  },

  async orderRanking(query) {
    const { json } = await apiFetch(`${API_BASE}/orders/ranking?${query}`);
    return json as SalesReport;
  },

  async resetAccountPassword(id, password) {
    const { json } = await apiFetch(`${API_BASE}/accounts/${encodeURIComponent(String(id))}/reset-password`, {
      method: 'POST',
      body: JSON.stringify({ password }),
    });
    return { data: json };
  },

  async markNotificationRead(id) {
    const { json } = await apiFetch(`${API_BASE}/notifications/${encodeURIComponent(String(id))}/read`, {
      method: 'POST',
    });
    return { data: json };
  },

  async markAllNotificationsRead(filter) {
    const body = filter ? JSON.stringify({ filter: normalizeFilter(filter) }) : undefined;
    const { json } = await apiFetch(`${API_BASE}/notifications/read-all`, { method: 'POST', body });
    return { data: json };
  },

  async importEmployees(file) {
    const { json } = await apiFetch(`${API_BASE}/employees/import`, { method: 'POST', body: fileForm(file) });
    return json as { imported: number };
  },

  async previewEmployeeImport(file) {
    const { json } = await apiFetch(`${API_BASE}/employees/import-preview`, { method: 'POST', body: fileForm(file) });
    return json as ImportPreview;
  },

  downloadEmployeeTemplate() {
    return download(`${API_BASE}/employees/import-template`);
  },
};
