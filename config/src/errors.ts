/**
 * Domain errors: a stable code, an HTTP status, and messages in Chinese and English.
 * Services throw them; the server's error middleware renders them in the caller's language as
 * `{ message, code, errors: { field: message } }`, the shape react-admin shows under form fields.
 */
import { fieldMessage } from './fields';
import { permissionNames } from './permissions';

export type Lang = 'zh' | 'en';
export interface Text { zh: string; en: string }

export type FieldErrors = Record<string, Text>;

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Text;
  readonly fields: FieldErrors;
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, text: Text, fields: FieldErrors = {}, extra: Record<string, unknown> = {}) {
    super(text.en);
    this.name = 'DomainError';
    this.status = status;
    this.code = code;
    this.text = text;
    this.fields = fields;
    this.extra = extra;
  }

  /** The same error with its field names rewritten (e.g. an order's lines.0.x → the cart's items.<id>.x). */
  withFields(rename: (field: string) => string): DomainError {
    const fields: FieldErrors = {};
    for (const [field, text] of Object.entries(this.fields)) fields[rename(field)] = text;
    return new DomainError(this.status, this.code, this.text, fields, this.extra);
  }

  render(lang: Lang): { message: string; code: string; errors?: Record<string, string>; [extra: string]: unknown } {
    const errors: Record<string, string> = {};
    for (const [field, text] of Object.entries(this.fields)) errors[field] = text[lang];
    return { message: this.text[lang], code: this.code, ...(Object.keys(errors).length ? { errors } : {}), ...this.extra };
  }
}

const t = (zh: string, en: string): Text => ({ zh, en });

/** 400 naming one or more fields. */
export function invalid(fields: FieldErrors, text: Text = t('提交的数据有误', 'The submitted data is invalid')): DomainError {
  const names = Object.keys(fields);
  // one plain field: its message, naming the field by its label once (never its key); nested keys
  // (lines.0.price) read badly, keep the summary
  const summary = names.length === 1 && !names[0].includes('.') ? fieldMessage(names[0], fields[names[0]]) : text;
  return new DomainError(400, 'VALIDATION', summary, fields);
}

export function fieldError(field: string, zh: string, en: string): DomainError {
  return invalid({ [field]: t(zh, en) });
}

export const errors = {
  unauthenticated: () => new DomainError(401, 'UNAUTHENTICATED', t('未登录或登录已过期，请重新登录', 'Not signed in, or the session has expired')),
  forbidden: (permission?: string) =>
    new DomainError(403, 'FORBIDDEN', permission
      ? t(`没有权限（需要${permissionNames([permission], 'zh')}）`, `Permission denied (requires ${permissionNames([permission], 'en')})`)
      : t('没有权限', 'Permission denied')),
  notFound: (what: string, id?: unknown) =>
    new DomainError(404, 'NOT_FOUND', t(`${what} ${id ?? ''} 不存在或无权访问`.replace('  ', ' '), `${what} ${id ?? ''} does not exist or is not yours`.replace('  ', ' '))),
  conflict: (zh: string, en: string, fields: FieldErrors = {}) => new DomainError(409, 'CONFLICT', t(zh, en), fields),
  badRequest: (zh: string, en: string, code = 'BAD_REQUEST') => new DomainError(400, code, t(zh, en)),
  text: t,
};

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'DomainError' && typeof (error as DomainError).render === 'function');
}

/** The caller's language from an Accept-Language header: English when it prefers en, else Chinese. */
export function langOf(acceptLanguage: string | undefined | null): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
