import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createDatabase } from './db';

export const CMS_DIR = path.resolve(__dirname, '..', '..');
// short enough for the login form's captcha field (8 characters)
export const BYPASS = 'e2ebyp';

export interface TestApp {
  strapi: Core.Strapi;
  http: ReturnType<typeof request>;
  url: string;
  close(): Promise<void>;
}

/**
 * Boots the real Strapi app (compiled by the global setup) on a fresh database, mounted on a real
 * HTTP server listening on a random local port.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const db = await createDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_LOG: 'false',
    CAPTCHA_BYPASS_CODE: BYPASS,
    DEMO_SEED: 'false',
    SCHEDULER_ENABLED: 'false',
    ...db.env,
    ...extraEnv,
  });
  const { createStrapi } = require('@strapi/strapi');
  let strapi: Core.Strapi;
  try {
    strapi = await createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') }).load();
  } catch (error) {
    // a boot that fails leaves no throwaway database behind
    await db.drop().catch(() => undefined);
    throw error;
  }
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const address = strapi.server.httpServer.address() as { port: number };
  return {
    strapi,
    http: request(strapi.server.httpServer),
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      // every suite ends with the books balanced: cached balances equal their transfers
      const report = await strapi.plugin('ledger').service('ledger').check();
      // and the report summaries agree with the orders they summarise
      const summaries = await strapi.plugin('orders').service('summaries').check();
      await strapi.destroy();
      await db.drop();
      if (report.mismatches.length || !report.balanced) throw new Error(`ledger check failed: ${JSON.stringify(report)}`);
      if (summaries.length) throw new Error(`sales summaries disagree with the orders: ${JSON.stringify(summaries)}`);
    },
  };
}
