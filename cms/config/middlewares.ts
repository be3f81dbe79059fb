export default [
  'strapi::logger',
  'strapi::errors',
  'plugin::console.errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: { expose: ['Content-Range', 'X-Total-Count'], headers: ['Content-Type', 'Authorization', 'Accept-Language', 'Range', 'Idempotency-Key'] },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'plugin::console.static',
];
