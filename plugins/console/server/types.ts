import type { Core } from '@strapi/types';
import type { CodeLabelSet, EnterpriseKind, Lang, PermissionKey, Text } from '@cop/config';

/** Who is calling: a signed-in user of one enterprise, with the permission keys it holds. */
export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  enterpriseId: number;
  enterpriseName: string;
  enterpriseKind: EnterpriseKind;
  isEnterpriseAdmin: boolean;
  permissions: ReadonlySet<PermissionKey>;
}

export type FieldType =
  | 'string' | 'text' | 'email' | 'integer' | 'money' | 'boolean'
  | 'datetime' | 'date' | 'enum' | 'json' | 'ids' | 'strings' | 'id'
  /** A list of objects, each checked field by field against `items` (e.g. an order's lines). */
  | 'list';

export type FilterOp = 'eq' | 'neq' | 'gte' | 'lte' | 'gt' | 'lt';

export interface FieldSpec {
  type: FieldType;
  /** Required when creating. */
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternText?: Text;
  values?: readonly string[];
  /** Item constraints for 'strings' (allowed values). */
  itemValues?: readonly string[];
  /** The fields of each item of a 'list'. */
  items?: Record<string, FieldSpec>;
  /** Never written through the console (ignored when a client sends it back). */
  readOnly?: boolean;
  /** Never returned (passwords). */
  writeOnly?: boolean;
  /** Writable on create only. */
  createOnly?: boolean;
  /** Filterable: true for every operator, or a list. */
  filter?: boolean | FilterOp[];
  sort?: boolean;
  /** Part of the `q` keyword search. */
  search?: boolean;
  /** The content-type attribute behind this field, when the names differ; false for computed fields. */
  attribute?: string | false;
}

/**
 * How records of a resource belong to tenants. Interpreted in one place (the tenancy service).
 * - own-enterprise: the record is the caller's enterprise itself.
 * - enterprise: record[field] is the owning enterprise's id.
 * - user: record[field] is the owning user's id.
 * - parties: the caller's enterprise is one of fields (e.g. supplierId, sellerId); only the
 *   `writer` side may write.
 */
export type TenancyRule =
  | { kind: 'own-enterprise' }
  | { kind: 'enterprise'; field: string }
  | { kind: 'user'; field: string }
  | { kind: 'parties'; fields: string[]; writer?: string }
  /** Readable by every signed-in enterprise (a directory); `baseWhere` narrows it, nobody writes. */
  | { kind: 'shared' }
  /**
   * Published to an audience (resources, opportunities, announcements): readable when `visible(now)`
   * holds and the record's `audience` column names the caller's enterprise — all, its kind
   * (suppliers / sellers) or named in `audienceKey` ("|12|34|"); `owner` holds the publisher, whose own
   * records are left out when `excludeOwner`. Nobody writes through such a view.
   */
  | { kind: 'audience'; owner: string; visible: (now: Date) => Record<string, unknown>; excludeOwner?: boolean };

export type Row = Record<string, any> & { id: number };

export interface ActionContext {
  strapi: Core.Strapi;
  principal: Principal;
  resource: ResourceDeclaration;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  files: Record<string, unknown> | undefined;
  /** Koa context, for actions that stream a file. */
  koa: any;
}

/**
 * What a verb accepts, checked by the controller before the handler runs (unknown fields refused;
 * `ctx.body` / `ctx.query` then hold the converted values). A POST verb without `body` takes none;
 * `multipart` verbs take `file` uploads besides the declared fields.
 */
export interface VerbInput {
  body?: Record<string, FieldSpec>;
  query?: Record<string, FieldSpec>;
  multipart?: boolean;
}

export interface RecordAction extends VerbInput {
  permission: PermissionKey | null;
  /** GET verbs read (e.g. download a file); POST verbs (default) change the record. */
  method?: 'GET' | 'POST';
  /** Return the row to answer with the record, or undefined after writing ctx.koa.body yourself. */
  handler(existing: Row, ctx: ActionContext): Promise<Row | undefined>;
}

export interface CollectionAction extends VerbInput {
  method: 'GET' | 'POST';
  permission: PermissionKey | null;
  /** Return a value to send as JSON, or undefined after writing ctx.koa.body yourself. */
  handler(ctx: ActionContext): Promise<unknown>;
}

export type Operation = 'list' | 'get' | 'create' | 'update' | 'delete';

/**
 * One column of an Excel export. Codes are shown by their labels in the request's language: `labels`
 * names a set of the shared table (`CODE_LABELS` in @cop/config, the console's too) or gives code → text.
 * Datetimes are Beijing time, `YYYY-MM-DD HH:mm:ss`; money is yuan.
 */
export interface ExportColumn {
  field: string; header: Text; format?: 'money' | 'datetime'; labels?: CodeLabelSet | Record<string, Text>;
}

export interface ResourceDeclaration {
  /** URL segment under /api/console. */
  name: string;
  /** The content type holding the records. */
  uid: string;
  label: Text;
  tenancy: TenancyRule;
  permissions: { read: PermissionKey | null; write: PermissionKey | null };
  fields: Record<string, FieldSpec>;
  operations?: Operation[];
  defaultSort?: [string, 'ASC' | 'DESC'];
  populate?: Record<string, unknown> | string[];
  /** Extra where clause every query of this resource gets (besides tenancy). */
  baseWhere?: (principal: Principal) => Record<string, unknown>;
  /**
   * Batch hook after a read: add computed fields (names from other tables, child rows) to the records
   * in one query per kind of data. `one` is true for getOne and after writes.
   */
  decorate?: (records: Record<string, any>[], ctx: ActionContext, one: boolean) => Promise<void>;
  /**
   * An extra where clause computed per request, added to every read (list and getOne): the place for
   * rules that need other tables (e.g. what a seller may order today), and for filters that are not
   * columns (fields with `attribute: false` and `filter`), whose checked values it receives (empty
   * for getOne).
   */
  extraWhere?: (filters: Record<string, unknown>, ctx: ActionContext) => Promise<Record<string, unknown>>;
  /** Row → record (default: the readable fields). */
  toRecord?: (row: Row, principal: Principal) => Record<string, unknown>;
  /** Domain writes go through plugin services; default: plain insert/update/delete. */
  create?: (data: Record<string, unknown>, ctx: ActionContext) => Promise<Row>;
  update?: (existing: Row, data: Record<string, unknown>, ctx: ActionContext) => Promise<Row>;
  remove?: (existing: Row, ctx: ActionContext) => Promise<void>;
  actions?: Record<string, RecordAction>;
  /**
   * Excel export of the filtered list (GET /api/console/<resource>/export?filter=…&sort=…), same
   * filters, sort and tenancy as the list; money columns are shown in yuan.
   */
  exportColumns?: ExportColumn[];
  /**
   * What the export covers beyond its date range, for the file name (e.g. whose account):
   * parts in the caller's language, from the list's checked filter.
   */
  exportName?: (filter: Record<string, unknown>, ctx: ActionContext, lang: Lang) => Promise<string[]>;
  collectionActions?: Record<string, CollectionAction>;
}
