import registry from './services/registry';
import tenancy from './services/tenancy';
import openapi from './services/openapi';
import events from './services/events';
import resource from './controllers/resource';
import errorsMiddleware from './middlewares/errors';
import staticMiddleware from './middlewares/static';
import inputMiddleware from './middlewares/input';
import requestIdMiddleware from './middlewares/request-id';
import routes from './routes';

export type * from './types';
export { defaultRecord, convert, checkInput, filterWhere, toAttributes } from './services/fields';
export { cleanText, dirtyPath, CLEAN_TEXT } from './services/schema';
export { isUniqueViolation } from './middlewares/errors';
export { insertRows, rowsOf, documentId, withKnex, updateRow } from './services/rows';
export { REQUEST_ID_HEADER, requestIdOf } from './middlewares/request-id';

export default {
  config: { default: {} as Record<string, unknown>, validator() {} },
  services: { registry, tenancy, openapi, events },
  async bootstrap({ strapi }: { strapi: any }) {
    await strapi.plugin('console').service('events').start();
    strapi.plugin('console').service('openapi').addPaths({
      '/console/events': {
        get: {
          tags: ['console'],
          summary: 'Live events for the caller\'s enterprise (server-sent events): data lines {"type":"message","conversationId":N} or {"type":"notification"}; a ": ping" comment every 25 s. Refetch through the API on each event.',
          responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 401: { description: 'not signed in' } },
        },
      },
    });
  },
  async destroy({ strapi }: { strapi: any }) {
    await strapi.plugin('console').service('events').stop();
  },
  controllers: {
    resource,
    openapi: ({ strapi }: { strapi: any }) => ({
      document(ctx: any) { ctx.body = strapi.plugin('console').service('openapi').document(); },
    }),
  },
  middlewares: { 'request-id': requestIdMiddleware, errors: errorsMiddleware, static: staticMiddleware, input: inputMiddleware },
  routes,
};
