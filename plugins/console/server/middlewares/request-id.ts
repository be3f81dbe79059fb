import { randomUUID } from 'crypto';
import type { Core } from '@strapi/types';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is safe to log and echo (≤ 64 of [A-Za-z0-9._-]), else a new one. */
export function requestIdOf(incoming: unknown): string {
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * First of the global middlewares: every response carries `X-Request-Id` (`ctx.state.requestId`), and
 * every 5xx is logged once, at error level, with method, path, request id and the stack of the error
 * that caused it (the console's errors middleware leaves it in `ctx.state.failure`). A 5xx JSON body
 * gets `requestId`, so a user can quote it; it never carries the stack.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  const requestId = requestIdOf(ctx.get(REQUEST_ID_HEADER));
  ctx.state.requestId = requestId;
  ctx.set(REQUEST_ID_HEADER, requestId);
  // which worker answered, when served by a cluster (cms/scripts/serve.js): 1, 2, …
  if (process.env.COP_WORKER_ID) ctx.set('X-Worker', process.env.COP_WORKER_ID);
  try {
    await next();
  } catch (error) {
    // nothing below should let an error through (strapi::errors renders them all); if one does, Koa answers 500
    ctx.state.failure = error;
    logFailure(strapi, ctx, 500);
    throw error;
  }
  if (ctx.status >= 500) {
    logFailure(strapi, ctx, ctx.status);
    if (isPlainObject(ctx.body)) ctx.body = { ...ctx.body, requestId };
  }
};

function logFailure(strapi: Core.Strapi, ctx: any, status: number) {
  const failure = ctx.state.failure;
  const detail = failure === undefined ? '(no exception: the handler answered it)' : (failure as Error)?.stack ?? String(failure);
  strapi.log.error(`${ctx.method} ${ctx.path} → ${status} [request ${ctx.state.requestId}]\n${detail}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
