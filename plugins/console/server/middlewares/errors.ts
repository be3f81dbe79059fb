import type { Core } from '@strapi/types';
import { errors as strapiErrors } from '@strapi/utils';
import { DomainError, errors, isDomainError, langOf } from '@cop/config';

const OWN_PATHS = /^\/api\/(console|auth|mini)(\/|$)/;

/**
 * Renders every error of the platform's own endpoints as `{ message, code, errors? }` in the caller's
 * language (plus Strapi's `error` object, so Strapi clients read it too). Bad JSON, unique-key
 * violations and Strapi's own errors become 4xx with a clear message; anything unexpected is a 500
 * without internals. Every error is left in `ctx.state.failure`: the request-id middleware logs the
 * 5xx with its stack and request id. Other paths keep Strapi's error format, but an unexpected error is
 * rendered here so that strapi::errors does not log it a second time (without the request id).
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error: any) {
    ctx.state.failure = error;
    const ours = OWN_PATHS.test(ctx.path);
    const domain = toDomainError(error);
    if (!domain && !ours) {
      if (error instanceof strapiErrors.ApplicationError || error instanceof strapiErrors.HttpError) throw error;
      const internal = strapiInternalError(error);
      ctx.status = internal.status;
      ctx.body = { data: null, error: internal };
      return;
    }
    const rendered = (domain ?? serverError()).render(langOf(ctx.get('accept-language')));
    const status = (domain ?? serverError()).status;
    ctx.status = status;
    if (status === 429 && rendered.retryAfter) ctx.set('Retry-After', String(rendered.retryAfter));
    ctx.body = { ...rendered, data: null, error: { status, name: rendered.code, message: rendered.message, details: rendered.errors ?? {} } };
  }
};

/** As strapi::errors renders an error that is neither Strapi's nor HTTP's: its 4xx as is, anything else a bare 500. */
function strapiInternalError(error: any): { status: number; name: string; message: string; details: Record<string, unknown> } {
  const status = Number(error?.status ?? error?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500 && error instanceof Error) {
    return { status, name: error.name, message: error.message, details: {} };
  }
  return { status: 500, name: 'InternalServerError', message: 'Internal Server Error', details: {} };
}

const serverError = () => new DomainError(500, 'INTERNAL', errors.text('服务器内部错误，请稍后重试', 'Internal server error, please retry later'));

function toDomainError(error: any): DomainError | null {
  if (isDomainError(error)) return error;
  const status = error?.status ?? error?.statusCode;
  // koa-body / raw-body: malformed JSON, too large, wrong encoding
  if (error?.type === 'entity.parse.failed' || (status === 400 && /JSON/i.test(error?.message ?? ''))) {
    return errors.badRequest('请求体不是有效的 JSON', 'The request body is not valid JSON', 'BAD_JSON');
  }
  if (status === 413 || error?.type === 'entity.too.large') {
    return new DomainError(413, 'TOO_LARGE', errors.text('请求体过大', 'The request body is too large'));
  }
  if (isUniqueViolation(error)) {
    return errors.conflict('记录已存在（唯一值重复）', 'A record with the same unique value already exists');
  }
  // Strapi's own errors (users-permissions, upload...): keep their status and message
  if (error?.name && typeof status === 'number' && status >= 400 && status < 500) {
    return new DomainError(status, String(error.name).replace(/Error$/, '').toUpperCase() || 'ERROR', { zh: error.message, en: error.message });
  }
  return null;
}

export function isUniqueViolation(error: any): boolean {
  const code = error?.code ?? error?.cause?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/i.test(error?.message ?? '');
}
