import { FieldErrors, invalid, errors, Text } from '@cop/config';
import type { FieldSpec, FilterOp, ResourceDeclaration, Row } from '../types';
import { cleanText, fieldErrors, fieldSchema, INT_MAX, objectSchema } from './schema';

const t = errors.text;
export { INT_MAX } from './schema';

export const attributeOf = (name: string, spec: FieldSpec): string | false =>
  spec.attribute === undefined ? name : spec.attribute;

/** Check and convert one value for a field (its zod schema); returns the stored value or a field error text. */
export function convert(spec: FieldSpec, value: unknown, opts: { forFilter?: boolean } = {}): { ok: true; value: unknown } | { ok: false; error: Text } {
  const result = fieldSchema(spec, opts).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const problems = fieldErrors(result.error);
  return { ok: false, error: problems.body ?? Object.values(problems)[0] };
}

/** A body against declared fields (verbs): the converted values, or a 400 naming every bad field. */
export function checkInput(fields: Record<string, FieldSpec>, input: unknown, what = 'body'): Record<string, unknown> {
  if (input === null || input === undefined) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalid({ [what]: t('应为 JSON 对象', 'must be a JSON object') }, t('请求体应为 JSON 对象', 'The request body must be a JSON object'));
  }
  const result = objectSchema(fields, 'create').safeParse(input);
  if (!result.success) throw invalid(fieldErrors(result.error));
  return Object.fromEntries(Object.entries(result.data as Record<string, unknown>).filter(([, v]) => v !== undefined));
}

/**
 * Validate a create/update body against the resource's fields. Unknown fields are refused; read-only
 * fields (which react-admin sends back on update) are ignored; all problems are reported together.
 */
export function validateBody(
  resource: ResourceDeclaration,
  body: unknown,
  mode: 'create' | 'update',
  ownerFields: string[],
): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badRequest('请求体应为 JSON 对象', 'The request body must be a JSON object', 'BAD_BODY');
  }
  const input: Record<string, unknown> = {};
  const writable: Record<string, FieldSpec> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'id' || key === 'documentId') continue;
    const spec = resource.fields[key];
    // unknown keys stay in the input, so the schema refuses them by name
    if (spec && (ownerFields.includes(key) || spec.readOnly || (spec.createOnly && mode === 'update'))) continue;
    input[key] = value;
  }
  for (const [key, spec] of Object.entries(resource.fields)) {
    if (ownerFields.includes(key) || spec.readOnly || (spec.createOnly && mode === 'update')) continue;
    writable[key] = spec;
  }
  const result = objectSchema(writable, mode).safeParse(input);
  if (!result.success) throw invalid(fieldErrors(result.error));
  return Object.fromEntries(Object.entries(result.data as Record<string, unknown>).filter(([key]) => key in input));
}

/** Maps field names to content-type attributes (computed fields are left to the resource). */
export function toAttributes(resource: ResourceDeclaration, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const attribute = attributeOf(key, resource.fields[key]);
    if (attribute) out[attribute] = value;
  }
  return out;
}

/** Row → record as the console sees it: `id` plus every readable field. */
export function defaultRecord(resource: ResourceDeclaration, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = { id: row.id };
  for (const [key, spec] of Object.entries(resource.fields)) {
    if (spec.writeOnly) continue;
    const attribute = attributeOf(key, spec);
    if (attribute) record[key] = row[attribute] ?? null;
  }
  return record;
}

const OPS: Record<FilterOp, string> = { eq: '$eq', neq: '$ne', gte: '$gte', lte: '$lte', gt: '$gt', lt: '$lt' };
const SUFFIXES: [string, FilterOp][] = [['_gte', 'gte'], ['_lte', 'lte'], ['_gt', 'gt'], ['_lt', 'lt'], ['_neq', 'neq']];

/**
 * ra-data-simple-rest filter → a where clause; unknown fields and bad values are 400s. Filters on
 * fields without a column (virtual) are checked and handed back in `virtual` for the resource.
 */
export function filterWhere(resource: ResourceDeclaration, filter: Record<string, unknown>, virtual: Record<string, unknown> = {}): Record<string, unknown>[] {
  const clauses: Record<string, unknown>[] = [];
  const problems: FieldErrors = {};
  for (const [key, raw] of Object.entries(filter)) {
    if (key === 'q' && resource.fields.q?.attribute !== false) {
      if (raw === '' || raw === null || raw === undefined) continue;
      if (typeof raw !== 'string' || raw.length > 100 || !cleanText(raw)) { problems.q = t('关键字应为不超过 100 个字符的文本', 'must be a string of at most 100 characters'); continue; }
      const searchable = Object.entries(resource.fields).filter(([, spec]) => spec.search);
      if (!searchable.length) { problems.q = t('此列表不支持关键字搜索', 'keyword search is not supported here'); continue; }
      clauses.push({ $or: searchable.map(([name, spec]) => ({ [attributeOf(name, spec) as string]: { $containsi: raw } })) });
      continue;
    }
    if (key === 'id') {
      const ids = Array.isArray(raw) ? raw : [raw];
      const parsed = ids.map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
      if (!parsed.every((v) => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= INT_MAX) || parsed.length > 1000) { problems.id = t('应为编号或编号列表', 'must be an id or a list of ids'); continue; }
      clauses.push({ id: { $in: parsed } });
      continue;
    }
    let name = key;
    let op: FilterOp = 'eq';
    for (const [suffix, candidate] of SUFFIXES) {
      if (key.endsWith(suffix) && resource.fields[key.slice(0, -suffix.length)]) { name = key.slice(0, -suffix.length); op = candidate; break; }
    }
    const spec = resource.fields[name];
    const allowed = spec?.filter === true ? Object.keys(OPS) : spec?.filter || [];
    const attribute = spec ? attributeOf(name, spec) : false;
    if (spec && !attribute && allowed.includes(op) && op === 'eq' && resource.extraWhere) {
      const result = convert(spec, raw, { forFilter: true });
      if (!result.ok) problems[key] = result.error; else virtual[name] = result.value;
      continue;
    }
    if (!spec || !attribute || !allowed.includes(op) || spec.writeOnly) { problems[key] = t('不能按此字段筛选', 'is not a filterable field'); continue; }
    if (Array.isArray(raw) && op === 'eq') {
      const values = raw.map((v) => convert(spec, v, { forFilter: true }));
      const bad = values.find((v) => !v.ok);
      if (bad && !bad.ok) { problems[key] = bad.error; continue; }
      clauses.push({ [attribute]: { $in: values.map((v) => (v as { value: unknown }).value) } });
      continue;
    }
    const result = convert(spec, raw, { forFilter: true });
    if (!result.ok) { problems[key] = result.error; continue; }
    if (result.value === null) { clauses.push({ [attribute]: op === 'neq' ? { $notNull: true } : { $null: true } }); continue; }
    clauses.push({ [attribute]: { [OPS[op]]: result.value } });
  }
  if (Object.keys(problems).length) throw invalid(problems, t('筛选条件有误', 'The filter is invalid'));
  return clauses;
}

export function sortOrder(resource: ResourceDeclaration, sort: unknown): Record<string, 'asc' | 'desc'>[] {
  const fallback = resource.defaultSort ?? ['id', 'DESC'];
  if (sort !== undefined && (!Array.isArray(sort) || sort.length !== 2)) throw invalid({ sort: t('应为 ["字段","ASC|DESC"]', 'must be ["field","ASC|DESC"]') });
  const [field, order] = sort === undefined ? fallback : (sort as [unknown, unknown]);
  if (typeof field !== 'string' || (order !== 'ASC' && order !== 'DESC')) {
    throw invalid({ sort: t('应为 ["字段","ASC|DESC"]', 'must be ["field","ASC|DESC"]') });
  }
  if (field !== 'id') {
    const spec = resource.fields[field];
    if (!spec?.sort || !attributeOf(field, spec)) throw invalid({ sort: t(`不能按 ${field} 排序`, `cannot sort by ${field}`) });
  }
  const attribute = field === 'id' ? 'id' : (attributeOf(field, resource.fields[field]) as string);
  const direction = order === 'ASC' ? 'asc' : 'desc';
  return attribute === 'id' ? [{ id: direction }] : [{ [attribute]: direction }, { id: direction }];
}
