import { randomBytes } from 'crypto';
import type { Core } from '@strapi/types';

/**
 * Rows of a content type written and read through knex in the caller's transaction, for the hot
 * paths (checkout, payments) where Strapi's query engine costs a statement per write plus a re-read.
 * The content type stays the schema: column names, JSON, booleans and dates follow its metadata the
 * way `strapi.db.query` reads and writes them, and every row gets what Strapi gives it on create
 * (document id, timestamps, `published_at`), so the admin panel sees these rows like any other.
 */
type Meta = { tableName: string; attributes: Record<string, { type: string; columnName?: string }>; columnToAttribute: Record<string, string> };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A 24-character document id in the shape Strapi's cuid2 ids have (a letter, then letters and digits). */
export function documentId(): string {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i += 1) id += ALPHABET[bytes[i] % 36];
  return id;
}

export function rowsOf(strapi: Core.Strapi, uid: string) {
  const meta = strapi.db.metadata.get(uid as any) as unknown as Meta;
  const column = (name: string) => meta.attributes[name]?.columnName ?? name;
  const toDb = (name: string, value: unknown) => {
    if (value === undefined || value === null) return null;
    const type = meta.attributes[name]?.type;
    if (type === 'json' && typeof value !== 'string') return JSON.stringify(value);
    return value;
  };
  const fromDb = (type: string | undefined, value: unknown): unknown => {
    if (value === null || value === undefined) return value ?? null;
    switch (type) {
      case 'boolean': return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
      case 'json': if (typeof value !== 'string') return value; try { return JSON.parse(value); } catch { return value; }
      case 'datetime': { const d = value instanceof Date ? value : new Date(value as string | number); return Number.isNaN(d.getTime()) ? null : d.toISOString(); }
      case 'timestamp': { const d = value instanceof Date ? value : new Date(value as string | number); return Number.isNaN(d.getTime()) ? null : String(d.getTime()); }
      case 'biginteger': return String(value);
      case 'integer': case 'float': case 'decimal': return Number(value);
      default: return value;
    }
  };
  return {
    table: meta.tableName,
    column,
    toDb,
    /** The table's own columns (relations live in link tables). */
    columns: () => Object.entries(meta.attributes).filter(([, a]) => a.type !== 'relation').map(([name]) => column(name)),
    /** Attribute-named data → a row of columns, with what Strapi adds on create. */
    toRow(data: Record<string, unknown>, now: Date): Record<string, unknown> {
      const row: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(data)) if (value !== undefined) row[column(name)] = toDb(name, value);
      row.document_id = documentId();
      row.created_at = now;
      row.updated_at = now;
      if (meta.attributes.publishedAt) row.published_at = now;
      return row;
    },
    /** A row of columns → attribute-named data, as `strapi.db.query(uid).findOne` would give it. */
    fromRow(row: Record<string, unknown>): Record<string, any> {
      const out: Record<string, any> = {};
      for (const [col, value] of Object.entries(row)) {
        const name = meta.columnToAttribute[col];
        if (name) out[name] = fromDb(meta.attributes[name]?.type, value);
      }
      return out;
    },
  };
}

/** Insert rows of `uid` in one statement and return them as the query engine would (no re-read). */
export async function insertRows(strapi: Core.Strapi, trx: any, uid: string, data: Record<string, unknown>[], now = new Date()): Promise<Record<string, any>[]> {
  if (!data.length) return [];
  const rows = rowsOf(strapi, uid);
  const inserted = await trx(rows.table).insert(data.map((d) => rows.toRow(d, now))).returning('*');
  return (inserted as Record<string, unknown>[]).map((row) => rows.fromRow(row));
}

/**
 * Run `work` with the knex of the current transaction when there is one (so a read inside a
 * transaction sees its writes and, on SQLite, does not wait for the connection that transaction
 * holds), else with the pool: no BEGIN/COMMIT for a lone read.
 */
export function withKnex<T>(strapi: Core.Strapi, work: (knex: any) => Promise<T>): Promise<T> {
  if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;
  return work(strapi.db.connection);
}

/** Update the row `id` of `uid` in one statement (no read before or after); attribute-named data. */
export function updateRow(strapi: Core.Strapi, id: number, uid: string, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const rows = rowsOf(strapi, uid);
  const change: Record<string, unknown> = { updated_at: now };
  for (const [name, value] of Object.entries(data)) if (value !== undefined) change[rows.column(name)] = rows.toDb(name, value);
  return withKnex(strapi, (knex) => knex(rows.table).where({ id }).update(change));
}
