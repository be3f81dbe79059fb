import { devSecret } from '../src/secrets';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // behind a reverse proxy set TRUST_PROXY=true so the client IP (captcha rate limit) comes from X-Forwarded-For
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: { keys: env.array('APP_KEYS', devSecret('APP_KEYS')) },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_LOG', true) } },
});
