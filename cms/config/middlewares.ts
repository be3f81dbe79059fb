import fs from 'fs';
import os from 'os';
import path from 'path';

/** Where formidable writes multipart files while a request runs (created if missing). */
function uploadDir(): string {
  const dir = path.resolve(process.env.UPLOAD_TMP_DIR || os.tmpdir());
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export default [
  // first: every response carries X-Request-Id, and every 5xx is logged with it
  'plugin::console.request-id',
  'strapi::logger',
  'strapi::errors',
  'plugin::console.errors',
  {
    name: 'strapi::security',
    // the console previews a private PDF in a frame from an object URL (fetched with the bearer token):
    // blob: frames of this origin only; everything else as Strapi's defaults
    config: { contentSecurityPolicy: { directives: { 'frame-src': ["'self'", 'blob:'] } } },
  },
  {
    name: 'strapi::cors',
    config: {
      expose: ['Content-Range', 'X-Total-Count', 'X-Request-Id'],
      headers: ['Content-Type', 'Authorization', 'Accept-Language', 'Range', 'Idempotency-Key', 'X-Request-Id'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  // deletes the temp files of every multipart request once it is answered (must come before strapi::body)
  'plugin::files.uploads',
  // uploads: the files plugin accepts 10 MB; formidable stops anything much larger before it is written,
  // into UPLOAD_TMP_DIR (default: the system temp folder)
  { name: 'strapi::body', config: { jsonLimit: '2mb', formidable: { maxFileSize: 11 * 1024 * 1024, uploadDir: uploadDir() } } },
  // NUL, invalid Unicode and absurd nesting in any body or query of our own endpoints: a 400, before any route
  'plugin::console.input',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'plugin::console.static',
];
