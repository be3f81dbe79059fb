import registry from './services/registry';
import tenancy from './services/tenancy';
import openapi from './services/openapi';
import resource from './controllers/resource';
import errorsMiddleware from './middlewares/errors';
import staticMiddleware from './middlewares/static';
import routes from './routes';

export type * from './types';
export { defaultRecord, convert } from './services/fields';
export { isUniqueViolation } from './middlewares/errors';

export default {
  config: { default: {} as Record<string, unknown>, validator() {} },
  services: { registry, tenancy, openapi },
  controllers: {
    resource,
    openapi: ({ strapi }: { strapi: any }) => ({
      document(ctx: any) { ctx.body = strapi.plugin('console').service('openapi').document(); },
    }),
  },
  middlewares: { errors: errorsMiddleware, static: staticMiddleware },
  routes,
};
