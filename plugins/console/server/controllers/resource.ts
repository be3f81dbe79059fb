import type { Core } from '@strapi/types';
import { CODE_LABELS, DomainError, errors, invalid, langOf, Lang, shanghaiDay, shanghaiTime } from '@cop/config';
import type { Text } from '@cop/config';
import type { ActionContext, CollectionAction, ExportColumn, Operation, Principal, RecordAction, ResourceDeclaration, Row } from '../types';
import { checkInput, defaultRecord, filterWhere, INT_MAX, sortOrder, toAttributes, validateBody } from '../services/fields';
import { CLEAN_TEXT, dirtyPath } from '../services/schema';

const MAX_PAGE = 1000;
const MAX_EXPORT = 50_000;
const OPERATIONS: Operation[] = ['list', 'get', 'create', 'update', 'delete'];

/**
 * The one controller behind /api/console/<resource>: it speaks ra-data-simple-rest and delegates
 * every rule to the resource declaration, the tenancy service and the owning plugin's services.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = () => strapi.plugin('console').service('registry');
  const tenancy = () => strapi.plugin('console').service('tenancy');
  const principalOf = (ctx: any): Promise<Principal> => strapi.plugin('identity').service('principal').fromContext(ctx);

  function resourceOf(ctx: any, operation?: Operation): ResourceDeclaration {
    const resource: ResourceDeclaration | undefined = registry().get(ctx.params.resource);
    if (!resource) throw errors.notFound('resource', ctx.params.resource);
    if (operation && !(resource.operations ?? OPERATIONS).includes(operation)) {
      throw new DomainError(405, 'METHOD_NOT_ALLOWED', errors.text('此列表不支持该操作', `${operation} is not supported on ${resource.name}`));
    }
    return resource;
  }

  const record = (resource: ResourceDeclaration, row: Row, principal: Principal) =>
    resource.toRecord ? resource.toRecord(row, principal) : defaultRecord(resource, row);

  /** Rows → records, decorated in one batch when the resource asks for it. */
  async function records(ctx: any, resource: ResourceDeclaration, principal: Principal, rows: Row[], one: boolean) {
    const out = rows.map((row) => record(resource, row, principal));
    if (resource.decorate && out.length) await resource.decorate(out, actionContext(ctx, resource, principal), one);
    return out;
  }

  const parseJsonParam = (ctx: any, name: string): unknown => {
    const raw = ctx.query[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') throw invalid({ [name]: errors.text('应为 JSON 文本', 'must be a JSON string') });
    let parsed: unknown;
    try { parsed = JSON.parse(raw); } catch { throw invalid({ [name]: errors.text('不是有效的 JSON', 'is not valid JSON') }); }
    const dirty = dirtyPath(parsed);
    if (dirty !== null) throw invalid({ [dirty === 'body' ? name : `${name}.${dirty}`]: CLEAN_TEXT });
    return parsed;
  };

  /**
   * A verb's input, checked against its declaration before the handler runs: a POST verb takes the
   * declared body fields only (none when it declares none); declared query parameters likewise.
   */
  function verbInput(ctx: any, action: RecordAction | CollectionAction): { body: Record<string, unknown>; query: Record<string, unknown> } {
    const method = action.method ?? 'POST';
    const raw = ctx.request.body;
    const body = method === 'POST' ? checkInput(action.body ?? {}, raw === undefined || raw === '' ? {} : raw) : {};
    // a query string carries text: whole numbers arrive as digits
    const numeric = (name: string, value: unknown) => (['integer', 'id', 'money'].includes(action.query?.[name]?.type ?? '') && typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value);
    const query = action.query
      ? checkInput(action.query, Object.fromEntries(Object.entries(ctx.query ?? {}).map(([name, value]) => [name, numeric(name, value)])), 'query')
      : ctx.query;
    return { body, query };
  }

  async function findScoped(resource: ResourceDeclaration, principal: Principal, id: unknown, ctx?: any): Promise<Row> {
    const numeric = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(numeric) || numeric < 1) throw invalid({ id: errors.text('应为正整数', 'must be a positive integer') });
    if (numeric > INT_MAX) throw errors.notFound(resource.name, numeric);
    const extra = resource.extraWhere ? await resource.extraWhere({}, actionContext(ctx ?? { request: {}, query: {} }, resource, principal)) : {};
    const row = await strapi.db.query(resource.uid as any).findOne({
      where: { $and: [{ id: numeric }, tenancy().scope(resource, principal), extra] },
      populate: resource.populate as any,
    });
    if (!row) throw errors.notFound(resource.name, numeric);
    return row as Row;
  }

  /** The list query every list-like answer shares: filter, range, sort, tenancy, extra rules. */
  async function list(ctx: any, resource: ResourceDeclaration, principal: Principal, maxRows: number) {
    const filter = parseJsonParam(ctx, 'filter') ?? {};
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw invalid({ filter: errors.text('应为 JSON 对象', 'must be a JSON object') });
    const range = parseJsonParam(ctx, 'range');
    let start = 0;
    let end = maxRows - 1;
    if (range !== undefined) {
      if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0) || range[1] < range[0] || range[1] - range[0] >= maxRows) {
        throw invalid({ range: errors.text(`应为 [起, 止]，每页最多 ${maxRows} 条`, `must be [start, end] with at most ${maxRows} rows`) });
      }
      [start, end] = range as [number, number];
    }
    const orderBy = sortOrder(resource, parseJsonParam(ctx, 'sort'));
    const virtual: Record<string, unknown> = {};
    const clauses = filterWhere(resource, filter as Record<string, unknown>, virtual);
    if (resource.extraWhere) clauses.push(await resource.extraWhere(virtual, actionContext(ctx, resource, principal)));
    const where = { $and: [tenancy().scope(resource, principal), ...clauses] };
    const query = strapi.db.query(resource.uid as any);
    const total = await query.count({ where });
    const rows = total > start
      ? await query.findMany({ where, orderBy, offset: start, limit: end - start + 1, populate: resource.populate as any })
      : [];
    return { start, total, rows: rows as Row[] };
  }

  const actionContext = (ctx: any, resource: ResourceDeclaration, principal: Principal, input?: ReturnType<typeof verbInput>): ActionContext => ({
    strapi, principal, resource, koa: ctx,
    body: input?.body ?? ((ctx.request.body && typeof ctx.request.body === 'object' ? ctx.request.body : {}) as Record<string, unknown>),
    query: input?.query ?? ctx.query, files: ctx.request.files,
  });

  return {
    async session(ctx: any) {
      const principal = await principalOf(ctx);
      ctx.body = await strapi.plugin('identity').service('principal').sessionUser(principal);
    },

    async find(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx, 'list');
      tenancy().assertPermission(principal, resource.permissions.read);
      const { start, total, rows } = await list(ctx, resource, principal, MAX_PAGE);
      const last = start + rows.length - 1;
      ctx.set('Content-Range', rows.length ? `${resource.name} ${start}-${last}/${total}` : `${resource.name} */${total}`);
      ctx.body = await records(ctx, resource, principal, rows, false);
    },

    /**
     * Server-sent events for the caller's enterprise (see the events service); a comment every 25 s
     * keeps proxies from closing the stream.
     */
    async events(ctx: any) {
      const principal = await principalOf(ctx);
      // the browser may have gone while we signed it in: then there is nothing to hold open
      if (ctx.req.destroyed || ctx.res.destroyed || !ctx.res.socket || ctx.res.socket.destroyed) return;
      const { PassThrough } = require('stream');
      const stream = new PassThrough();
      ctx.req.socket.setTimeout(0);
      ctx.req.socket.setNoDelay(true);
      ctx.req.socket.setKeepAlive(true);
      ctx.set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      ctx.status = 200;
      ctx.body = stream;
      stream.write('retry: 3000\n: connected\n\n');
      const unsubscribe = strapi.plugin('console').service('events').subscribe(principal.enterpriseId, (event: unknown) => {
        stream.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const ping = setInterval(() => stream.write(': ping\n\n'), 25_000);
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        unsubscribe();
        stream.end();
      };
      ctx.req.on('close', close);
      ctx.res.on('close', close);
      stream.on('close', close);
      stream.on('error', close);
    },

    async findOne(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx, 'get');
      tenancy().assertPermission(principal, resource.permissions.read);
      ctx.body = (await records(ctx, resource, principal, [await findScoped(resource, principal, ctx.params.id, ctx)], true))[0];
    },

    async create(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx, 'create');
      tenancy().assertPermission(principal, resource.permissions.write);
      const data = validateBody(resource, ctx.request.body, 'create', tenancy().ownerFields(resource.tenancy));
      const row = await strapi.db.transaction(async () => {
        if (resource.create) return resource.create(data, actionContext(ctx, resource, principal));
        const created = await strapi.db.query(resource.uid as any).create({
          data: { ...toAttributes(resource, data), ...tenancy().ownerValues(resource, principal) },
        });
        return findScoped(resource, principal, String(created.id));
      });
      // a create hook that found the record already there (an idempotent create) answers 200 itself
      ctx.status = ctx.status === 200 ? 200 : 201;
      ctx.body = (await records(ctx, resource, principal, [row as Row], true))[0];
    },

    async update(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx, 'update');
      tenancy().assertPermission(principal, resource.permissions.write);
      const data = validateBody(resource, ctx.request.body, 'update', tenancy().ownerFields(resource.tenancy));
      const row = await strapi.db.transaction(async () => {
        const existing = await findScoped(resource, principal, ctx.params.id, ctx);
        tenancy().assertWritable(resource, principal, existing);
        if (resource.update) return resource.update(existing, data, actionContext(ctx, resource, principal));
        await strapi.db.query(resource.uid as any).update({ where: { id: existing.id }, data: toAttributes(resource, data) });
        return findScoped(resource, principal, String(existing.id));
      });
      ctx.body = (await records(ctx, resource, principal, [row as Row], true))[0];
    },

    async delete(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx, 'delete');
      tenancy().assertPermission(principal, resource.permissions.write);
      const existing = await strapi.db.transaction(async () => {
        const row = await findScoped(resource, principal, ctx.params.id, ctx);
        tenancy().assertWritable(resource, principal, row);
        if (resource.remove) await resource.remove(row, actionContext(ctx, resource, principal));
        else await strapi.db.query(resource.uid as any).delete({ where: { id: row.id } });
        return row;
      });
      ctx.body = record(resource, existing, principal);
    },

    async recordAction(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx);
      const action = resource.actions?.[ctx.params.action];
      if (!action || (action.method ?? 'POST') !== ctx.method) throw errors.notFound(`${resource.name} action`, ctx.params.action);
      tenancy().assertPermission(principal, action.permission);
      const run = async () => {
        // another tenant's id is a 404 whatever the body holds: the record is looked up first
        const existing = await findScoped(resource, principal, ctx.params.id, ctx);
        if (action.method !== 'GET') tenancy().assertWritable(resource, principal, existing, true);
        return action.handler(existing, actionContext(ctx, resource, principal, verbInput(ctx, action)));
      };
      const row = action.method === 'GET' ? await run() : await strapi.db.transaction(run);
      if (row) ctx.body = (await records(ctx, resource, principal, [row], true))[0];
    },

    async collectionAction(ctx: any) {
      const principal = await principalOf(ctx);
      const resource = resourceOf(ctx);
      if (ctx.params.action === 'export' && ctx.method === 'GET' && resource.exportColumns) {
        tenancy().assertPermission(principal, resource.permissions.read);
        const { rows } = await list(ctx, resource, principal, MAX_EXPORT);
        const out = await records(ctx, resource, principal, rows, false);
        const lang = langOf(ctx.get('accept-language'));
        const filter = (parseJsonParam(ctx, 'filter') ?? {}) as Record<string, unknown>;
        const parts = resource.exportName ? await resource.exportName(filter, actionContext(ctx, resource, principal), lang) : [];
        ctx.set('Content-Disposition', contentDisposition(exportFileName(resource, filter, parts, lang)));
        ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.body = await workbook(resource, out, lang);
        return;
      }
      const action = resource.collectionActions?.[ctx.params.action];
      if (!action || action.method !== ctx.method) throw errors.notFound(`${resource.name} action`, ctx.params.action);
      tenancy().assertPermission(principal, action.permission);
      const input = verbInput(ctx, action);
      const run = () => action.handler(actionContext(ctx, resource, principal, input));
      const result = action.method === 'GET' ? await run() : await strapi.db.transaction(run);
      if (result !== undefined) ctx.body = result;
    },
  };
};

/** The Asia/Shanghai day of a filter's date bound (a day or an instant), or null. */
function dayOf(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : shanghaiDay(at);
}

/**
 * An export's file name: the list's name, what it covers (`parts`: whose account, which kind) and the
 * date range of its `createdAt` filter, e.g. `交易流水-某某旅行社-2026-01-01_2026-01-31.xlsx`; and its ASCII
 * fallback (the resource's name, the ASCII parts and the range: `account-transactions-2026-01-01_2026-01-31.xlsx`).
 */
export function exportFileName(resource: ResourceDeclaration, filter: Record<string, unknown>, parts: string[], lang: Lang) {
  const from = dayOf(filter.createdAt_gte);
  const to = dayOf(filter.createdAt_lte);
  const range = from || to ? `${from ?? (lang === 'en' ? 'start' : '起')}_${to ?? shanghaiDay(new Date())}` : null;
  const clean = (text: string) => text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim();
  const join = (list: (string | null)[]) => list.filter((p): p is string => !!p).join('-');
  const name = `${join([resource.label[lang], ...parts, range].map((p) => (p ? clean(p) : null)))}.xlsx`;
  const asciiParts = parts.map((p) => (/^[\x20-\x7e]+$/.test(p) ? p.replace(/[^A-Za-z0-9._-]+/g, '_') : null));
  const ascii = `${join([resource.name, ...asciiParts, range ? range.replace(/[^A-Za-z0-9._-]/g, '') : null])}.xlsx`;
  return { name, ascii };
}

/** `attachment` with the ASCII fallback in `filename=` and the real name in UTF-8 in `filename*=` (RFC 6266). */
export function contentDisposition(file: { name: string; ascii: string }): string {
  const encoded = encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.ascii.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** A cell's text for a code: the column's labels (a set of the shared table, or its own map), in `lang`. */
function labelled(column: ExportColumn, value: unknown, lang: Lang): unknown {
  if (!column.labels) return value;
  const table: Record<string, Text> = typeof column.labels === 'string' ? CODE_LABELS[column.labels] : column.labels;
  return table[String(value)]?.[lang] ?? value;
}

/**
 * The export workbook (exceljs): one sheet, a header row in the caller's language, codes by their labels,
 * yuan for money, times as Beijing time text (`YYYY-MM-DD HH:mm:ss`: a spreadsheet has no time zone).
 */
async function workbook(resource: ResourceDeclaration, rows: Record<string, any>[], lang: Lang): Promise<Buffer> {
  const ExcelJS = require('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(resource.label[lang].slice(0, 31));
  const columns = resource.exportColumns!;
  sheet.columns = columns.map((column) => ({ header: column.header[lang], key: column.field, width: column.format === 'datetime' ? 20 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(columns.map((column) => {
      const value = row[column.field];
      if (value === null || value === undefined) return [column.field, null];
      if (column.format === 'money') return [column.field, Number(value) / 100];
      if (column.format === 'datetime') return [column.field, shanghaiTime(value)];
      return [column.field, labelled(column, value, lang)];
    })));
  }
  columns.forEach((column, i) => {
    if (column.format === 'money') sheet.getColumn(i + 1).numFmt = '#,##0.00';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
