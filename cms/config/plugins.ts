import path from 'path';
import { devSecret } from '../src/secrets';

// `resolve` names a file inside the plugin: Strapi takes the folder of whatever require.resolve finds.
const local = (name: string) => ({ enabled: true, resolve: path.join(__dirname, '..', '..', '..', 'plugins', name, 'strapi-server.js') });

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '12h') },
      jwtSecret: env('JWT_SECRET', devSecret('JWT_SECRET')),
      register: { allowedFields: [] },
    },
  },
  scheduler: local('scheduler'),
  identity: local('identity'),
  console: local('console'),
  messaging: local('messaging'),
  collaboration: local('collaboration'),
  files: local('files'),
  catalogue: local('catalogue'),
  inventory: local('inventory'),
  ledger: local('ledger'),
  orders: local('orders'),
  incentives: local('incentives'),
});
