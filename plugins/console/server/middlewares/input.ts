import { invalid } from '@cop/config';
import { CLEAN_TEXT, dirtyPath } from '../services/schema';

const OWN_PATHS = /^\/api\/(console|auth|mini)(\/|$)/;

/**
 * The first gate of every input to the platform's own endpoints (console, sign-in, mini program):
 * the parsed body and the query string may hold no text the database cannot store (NUL, lone
 * surrogates) and no nesting deeper than any of our inputs needs. What passes is then checked field
 * by field against the declared schemas (see services/schema.ts).
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  if (OWN_PATHS.test(ctx.path)) {
    for (const [where, value] of [['query', ctx.query], ['body', ctx.request.body]] as const) {
      const path = value && typeof value === 'object' ? dirtyPath(value) : null;
      if (path !== null) throw invalid({ [path === 'body' ? where : path]: CLEAN_TEXT });
    }
  }
  await next();
};
