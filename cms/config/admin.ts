import { devSecret } from '../src/secrets';

export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', devSecret('ADMIN_JWT_SECRET')) },
  apiToken: { salt: env('API_TOKEN_SALT', devSecret('API_TOKEN_SALT')) },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', devSecret('TRANSFER_TOKEN_SALT')) } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', devSecret('ENCRYPTION_KEY')) },
  flags: { nps: false, promoteEE: false },
  autoOpen: false,
  telemetryDisabled: true,
});
