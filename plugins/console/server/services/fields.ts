import { DomainError, FieldErrors, invalid, errors, Text } from '@cop/config';
import type { FieldSpec, FilterOp, ResourceDeclaration, Row } from '../types';

const t = errors.text;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_MONEY = 1_000_000_000_000; // 10^12 fen
/** The largest value of a PostgreSQL integer column (ids, counts). */
export const INT_MAX = 2_147_483_647;
const DEFAULT_MAX = { string: 255, email: 255, text: 20_000 } as const;

export const attributeOf = (name: string, spec: FieldSpec): string | false =>
  spec.attribute === undefined ? name : spec.attribute;

/** Check and convert one value for a field; returns the stored value or a field error text. */
export function convert(spec: FieldSpec, value: unknown, opts: { forFilter?: boolean } = {}): { ok: true; value: unknown } | { ok: false; error: Text } {
  if (value === null || value === undefined || (value === '' && spec.type !== 'string' && spec.type !== 'text')) {
    if (spec.required && !opts.forFilter) return { ok: false, error: t('不能为空', 'is required') };
    return { ok: true, value: null };
  }
  switch (spec.type) {
    case 'string': case 'text': case 'email': {
      if (typeof value !== 'string') return { ok: false, error: t('应为文本', 'must be a string') };
      const text = opts.forFilter ? value : value.trim();
      if (!text && spec.required && !opts.forFilter) return { ok: false, error: t('不能为空', 'is required') };
      const max = spec.maxLength ?? DEFAULT_MAX[spec.type];
      if (text.length > max) return { ok: false, error: t(`长度不能超过 ${max} 个字符`, `must be at most ${max} characters`) };
      if (opts.forFilter) return { ok: true, value: text };
      if (spec.minLength && text.length < spec.minLength) return { ok: false, error: t(`长度不能少于 ${spec.minLength} 个字符`, `must be at least ${spec.minLength} characters`) };
      if (spec.type === 'email' && text && !EMAIL.test(text)) return { ok: false, error: t('邮箱格式不正确', 'must be an email address') };
      if (spec.pattern && text && !spec.pattern.test(text)) return { ok: false, error: spec.patternText ?? t('格式不正确', 'has the wrong format') };
      return { ok: true, value: text === '' ? null : text };
    }
    case 'integer': case 'money': case 'id': {
      const n = opts.forFilter && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) return { ok: false, error: t('应为整数', 'must be a whole number') };
      // integer and id columns are 32-bit in PostgreSQL: a larger number is the caller's mistake (400), not a 500
      const min = spec.min ?? (spec.type === 'integer' ? -INT_MAX - 1 : spec.type === 'id' ? 1 : 0);
      const max = spec.max ?? (spec.type === 'money' ? MAX_MONEY : INT_MAX);
      if (n < min) return { ok: false, error: t(`不能小于 ${min}`, `must be at least ${min}`) };
      if (n > max) return { ok: false, error: t(`不能大于 ${max}`, `must be at most ${max}`) };
      return { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      if (opts.forFilter && (value === 'true' || value === 'false')) return { ok: true, value: value === 'true' };
      return { ok: false, error: t('应为是/否', 'must be true or false') };
    }
    case 'datetime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return { ok: false, error: t('应为日期时间', 'must be a date-time') };
      return { ok: true, value: new Date(value) };
    }
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) return { ok: false, error: t('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)') };
      return { ok: true, value };
    }
    case 'enum': {
      if (typeof value !== 'string' || !spec.values?.includes(value)) return { ok: false, error: t(`应为以下之一：${spec.values?.join('、')}`, `must be one of ${spec.values?.join(', ')}`) };
      return { ok: true, value };
    }
    case 'json':
      return JSON.stringify(value).length > 100_000 ? { ok: false, error: t('内容过大', 'is too large') } : { ok: true, value };
    case 'ids': {
      if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v) && v > 0 && v <= INT_MAX)) return { ok: false, error: t('应为编号列表', 'must be a list of ids') };
      if (value.length > (spec.max ?? 1000)) return { ok: false, error: t('数量过多', 'has too many items') };
      return { ok: true, value: [...new Set(value as number[])] };
    }
    case 'strings': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { ok: false, error: t('应为文本列表', 'must be a list of strings') };
      const bad = spec.itemValues ? value.filter((v) => !spec.itemValues!.includes(v)) : [];
      if (bad.length) return { ok: false, error: t(`包含无效的值：${bad.join('、')}`, `contains invalid values: ${bad.join(', ')}`) };
      if (value.length > (spec.max ?? 1000)) return { ok: false, error: t('数量过多', 'has too many items') };
      return { ok: true, value: [...new Set(value as string[])] };
    }
  }
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
  const input = body as Record<string, unknown>;
  const problems: FieldErrors = {};
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (key === 'id' || key === 'documentId') continue;
    const spec = resource.fields[key];
    if (!spec) { problems[key] = t('不是可提交的字段', 'is not a known field'); continue; }
    if (ownerFields.includes(key) || spec.readOnly) continue;
    if (spec.createOnly && mode === 'update') continue;
    const result = convert(spec, input[key]);
    if (!result.ok) problems[key] = result.error; else data[key] = result.value;
  }
  if (mode === 'create') {
    for (const [key, spec] of Object.entries(resource.fields)) {
      if (spec.required && !spec.readOnly && !(key in data) && !problems[key] && !ownerFields.includes(key)) {
        problems[key] = t('不能为空', 'is required');
      }
    }
  }
  if (Object.keys(problems).length) throw invalid(problems);
  return data;
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
      if (typeof raw !== 'string' || raw.length > 100) { problems.q = t('关键字应为不超过 100 个字符的文本', 'must be a string of at most 100 characters'); continue; }
      const searchable = Object.entries(resource.fields).filter(([, spec]) => spec.search);
      if (!searchable.length) { problems.q = t('此列表不支持关键字搜索', 'keyword search is not supported here'); continue; }
      clauses.push({ $or: searchable.map(([name, spec]) => ({ [attributeOf(name, spec) as string]: { $containsi: raw } })) });
      continue;
    }
    if (key === 'id') {
      const ids = Array.isArray(raw) ? raw : [raw];
      const parsed = ids.map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
      if (!parsed.every((v) => Number.isSafeInteger(v) && (v as number) > 0) || parsed.length > 1000) { problems.id = t('应为编号或编号列表', 'must be an id or a list of ids'); continue; }
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

export function isDomain(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
