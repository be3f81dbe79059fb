import registry from './services/registry';
import tenancy from './services/tenancy';
import resource from './controllers/resource';
import errorsMiddleware from './middlewares/errors';
import staticMiddleware from './middlewares/static';
import routes from './routes';

export type * from './types';
export { defaultRecord, convert } from './services/fields';
export { isUniqueViolation } from './middlewares/errors';

export default {
  config: { default: {} as Record<string, unknown>, validator() {} },
  services: { registry, tenancy },
  controllers: { resource },
  middlewares: { errors: errorsMiddleware, static: staticMiddleware },
  routes,
};
