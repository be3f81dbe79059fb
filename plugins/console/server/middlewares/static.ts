import path from 'path';
import fs from 'fs';
import type { Core } from '@strapi/types';

/**
 * Serves the built react-admin console (admin-ui/dist) under /console on the same origin as the API,
 * so the console needs no CORS and the Content-Range header is readable. `/` redirects to it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const send = require('koa-send');
  const root = path.resolve(strapi.config.get('plugin::console.consoleDir') as string
    ?? path.join(strapi.dirs.app.root, '..', 'admin-ui', 'dist'));
  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/') return ctx.redirect('/console/');
    if (ctx.path === '/console') return ctx.redirect('/console/');
    if (!ctx.path.startsWith('/console/')) return next();
    const relative = ctx.path.slice('/console/'.length);
    const file = relative && !relative.endsWith('/') ? relative : 'index.html';
    const exists = fs.existsSync(path.join(root, file)) && !file.includes('..');
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'The console is not built yet: run `npm run build:console`.';
      return;
    }
    const target = exists ? file : 'index.html';
    await send(ctx, target, {
      root,
      maxage: target.startsWith('assets/') ? 365 * 24 * 3600 * 1000 : 0,
      immutable: target.startsWith('assets/'),
      setHeaders: (res: any) => { if (target === 'index.html') res.setHeader('Cache-Control', 'no-cache'); },
    });
  };
};
