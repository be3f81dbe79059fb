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
  // uploads: the files plugin accepts 10 MB; formidable stops anything much larger before it is written
  { name: 'strapi::body', config: { jsonLimit: '2mb', formidable: { maxFileSize: 11 * 1024 * 1024 } } },
  // NUL, invalid Unicode and absurd nesting in any body or query of our own endpoints: a 400, before any route
  'plugin::console.input',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'plugin::console.static',
];
