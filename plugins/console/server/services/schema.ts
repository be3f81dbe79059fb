import { z } from 'zod';
import { errors, FieldErrors, isCalendarDay, isDay, MAX_YEAR, MIN_YEAR, Text } from '@cop/config';
import type { FieldSpec } from '../types';

/**
 * Field declarations → zod schemas. Every input of the console API (record bodies, verb bodies and
 * queries, filters) is checked by a schema compiled from the resource's declaration, so the checks
 * cannot differ from what the OpenAPI document says and no verb needs hand checks for shape.
 *
 * zod carries messages as strings; ours are bilingual, so a message is the JSON of a `Text` and
 * `fieldErrors` turns issues back into `{ field: Text }` (nested paths as `lines.0.quantity`).
 */
const t = errors.text;
const say = (text: Text) => ({ error: JSON.stringify(text) });

/** The largest value of a PostgreSQL integer column (ids, counts). */
export const INT_MAX = 2_147_483_647;
export const MAX_MONEY = 1_000_000_000_000; // 10^12 fen
const DEFAULT_MAX = { string: 255, email: 255, text: 20_000 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

export function isDateTime(value: unknown): value is string {
  const m = typeof value === 'string' ? DATETIME.exec(value) : null;
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  return !Number.isNaN(Date.parse(value as string));
}

/** Text the database can store: no NUL (PostgreSQL refuses it) and well-formed Unicode (no lone surrogates). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const cleanText = (value: string) => !value.includes('\u0000') && !LONE_SURROGATE.test(value);
export const CLEAN_TEXT = t('不能包含空字符或无效的 Unicode 字符', 'must not contain NUL or invalid Unicode characters');

const text = () => z.string(say(t('应为文本', 'must be a string'))).refine(cleanText, say(CLEAN_TEXT));

function stringSchema(spec: FieldSpec, forFilter: boolean) {
  const max = spec.maxLength ?? DEFAULT_MAX[spec.type as keyof typeof DEFAULT_MAX] ?? 255;
  let schema = text().transform((value) => (forFilter ? value : value.trim()))
    .refine((value) => value.length <= max, say(t(`长度不能超过 ${max} 个字符`, `must be at most ${max} characters`)));
  if (forFilter) return schema;
  if (spec.required) schema = schema.refine((value) => value !== '', say(t('不能为空', 'is required')));
  if (spec.minLength) {
    const min = spec.minLength;
    schema = schema.refine((value) => value === '' || value.length >= min, say(t(`长度不能少于 ${min} 个字符`, `must be at least ${min} characters`)));
  }
  if (spec.type === 'email') schema = schema.refine((value) => value === '' || EMAIL.test(value), say(t('邮箱格式不正确', 'must be an email address')));
  if (spec.pattern) {
    const pattern = spec.pattern;
    schema = schema.refine((value) => value === '' || pattern.test(value), say(spec.patternText ?? t('格式不正确', 'has the wrong format')));
  }
  return schema.transform((value) => (value === '' ? null : value));
}

function integerSchema(spec: FieldSpec, forFilter: boolean) {
  const min = spec.min ?? (spec.type === 'integer' ? -INT_MAX - 1 : spec.type === 'id' ? 1 : 0);
  const max = spec.max ?? (spec.type === 'money' ? MAX_MONEY : INT_MAX);
  const number = z.number(say(t('应为整数', 'must be a whole number')))
    .refine(Number.isSafeInteger, say(t('应为整数', 'must be a whole number')))
    // integer and id columns are 32-bit in PostgreSQL: a larger number is the caller's mistake (400), not a 500
    .refine((n) => n >= min, say(t(`不能小于 ${min}`, `must be at least ${min}`)))
    .refine((n) => n <= max, say(t(`不能大于 ${max}`, `must be at most ${max}`)));
  if (!forFilter) return number;
  // filters arrive as JSON, but a numeric string is what a URL naturally holds
  return z.preprocess((v) => (typeof v === 'string' && /^-?\d{1,16}$/.test(v) ? Number(v) : v), number);
}

/** The schema of one field's value (null and undefined are handled by `fieldSchema`). */
function valueSchema(spec: FieldSpec, forFilter: boolean): z.ZodType {
  switch (spec.type) {
    case 'string': case 'text': case 'email':
      return stringSchema(spec, forFilter);
    case 'integer': case 'money': case 'id':
      return integerSchema(spec, forFilter);
    case 'boolean':
      return forFilter
        ? z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean(say(t('应为是/否', 'must be true or false'))))
        : z.boolean(say(t('应为是/否', 'must be true or false')));
    case 'datetime':
      return z.string(say(t('应为日期时间', 'must be a date-time')))
        .refine(isDateTime, say(t(`应为 ${MIN_YEAR}–${MAX_YEAR} 年间的有效日期时间（ISO 8601）`, `must be a valid ISO 8601 date-time between ${MIN_YEAR} and ${MAX_YEAR}`)))
        .transform((value) => new Date(value));
    case 'date':
      return z.string(say(t('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)')))
        .refine(isDay, say(t(`应为 ${MIN_YEAR}–${MAX_YEAR} 年间的有效日期（YYYY-MM-DD）`, `must be a real date (YYYY-MM-DD) between ${MIN_YEAR} and ${MAX_YEAR}`)));
    case 'enum': {
      const values = (spec.values ?? []) as [string, ...string[]];
      return z.enum(values, say(t(`应为以下之一：${values.join('、')}`, `must be one of ${values.join(', ')}`)));
    }
    case 'json':
      return z.unknown().refine((value) => jsonSize(value) <= 100_000, say(t('内容过大', 'is too large')))
        .refine((value) => !hasDirtyText(value), say(CLEAN_TEXT));
    case 'ids': {
      const max = spec.max ?? 1000;
      return z.array(z.number().int().min(1).max(INT_MAX), say(t('应为编号列表', 'must be a list of ids')))
        .max(max, say(t('数量过多', 'has too many items')))
        .transform((value) => [...new Set(value)]);
    }
    case 'strings': {
      const max = spec.max ?? 1000;
      const item = spec.itemValues
        ? z.enum(spec.itemValues as [string, ...string[]], say(t(`应为以下之一：${spec.itemValues.join('、')}`, `must be one of ${spec.itemValues.join(', ')}`)))
        : text().refine((value) => value.length <= (spec.maxLength ?? 255), say(t('文本过长', 'is too long')));
      return z.array(item, say(t('应为文本列表', 'must be a list of strings')))
        .max(max, say(t('数量过多', 'has too many items')))
        .transform((value) => [...new Set(value)]);
    }
    case 'list': {
      const max = spec.max ?? 100;
      return z.array(objectSchema(spec.items ?? {}, 'create'), say(t('应为列表', 'must be a list')))
        .min(spec.required ? 1 : 0, say(t('不能为空', 'is required')))
        .max(max, say(t(`最多 ${max} 项`, `must hold at most ${max} items`)));
    }
  }
}

const cache = new WeakMap<FieldSpec, { value: z.ZodType; filter: z.ZodType }>();

/**
 * One field: null/undefined (and '' for non-text fields) is "no value" — an error when required,
 * else null; anything else must match the type.
 */
export function fieldSchema(spec: FieldSpec, opts: { forFilter?: boolean } = {}): z.ZodType {
  let cached = cache.get(spec);
  if (!cached) {
    const build = (forFilter: boolean) => {
      const value = valueSchema(spec, forFilter);
      const empty = (v: unknown) => v === null || v === undefined || (v === '' && spec.type !== 'string' && spec.type !== 'text');
      return z.unknown().transform((v, ctx) => {
        if (empty(v)) {
          if (spec.required && !forFilter) ctx.addIssue({ code: 'custom', message: JSON.stringify(t('不能为空', 'is required')) });
          return null;
        }
        const result = value.safeParse(v);
        if (result.success) return result.data;
        // a list names the item's field (lines.0.quantity); other values name the field itself
        for (const issue of result.error.issues) {
          ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: spec.type === 'list' ? issue.path : [] } as any);
        }
        return z.NEVER;
      });
    };
    cached = { value: build(false), filter: build(true) };
    cache.set(spec, cached);
  }
  return opts.forFilter ? cached.filter : cached.value;
}

/**
 * A body of declared fields: unknown fields are refused; `create` requires the required ones.
 * (Read-only and create-only fields are the caller's to drop before, see fields.validateBody.)
 */
export function objectSchema(fields: Record<string, FieldSpec>, mode: 'create' | 'update') {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const schema = fieldSchema(spec);
    shape[name] = mode === 'create' && spec.required ? schema : schema.optional();
  }
  return z.strictObject(shape, say(t('应为 JSON 对象', 'must be a JSON object')));
}

/** zod issues → `{ "lines.0.quantity": Text }`, the first message per field. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[join(prefix, [...issue.path, key])] ??= t('不是可提交的字段', 'is not a known field');
      continue;
    }
    const field = join(prefix, issue.path) || 'body';
    out[field] ??= decode(issue.message);
  }
  return out;
}

const join = (prefix: string, path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');

function decode(message: string): Text {
  try {
    const parsed = JSON.parse(message);
    if (parsed && typeof parsed.zh === 'string' && typeof parsed.en === 'string') return parsed;
  } catch { /* zod's own message */ }
  return t(`格式不正确（${message}）`, message);
}

function jsonSize(value: unknown): number {
  try { return JSON.stringify(value)?.length ?? 0; } catch { return Infinity; }
}

/**
 * The first place in a parsed JSON value (body, query, filter) holding text the database cannot store,
 * or nesting deeper than any input of ours needs; its path, or null when clean.
 */
export function dirtyPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 32) return path.join('.') || 'body';
  if (typeof value === 'string') return cleanText(value) ? null : path.join('.') || 'body';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = dirtyPath(value[i], [...path, String(i)], depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!cleanText(key)) return [...path, 'key'].join('.');
      const found = dirtyPath(item, [...path, key], depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

const hasDirtyText = (value: unknown) => dirtyPath(value) !== null;
