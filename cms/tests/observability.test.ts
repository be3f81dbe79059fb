import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';

/** Issue #11, finding 5: warnings and errors reach the log, and every 5xx is logged with a request id the response carries. */
const LEVEL = Symbol.for('level');
const MESSAGE = Symbol.for('message');

let app: TestApp;
let user: Tenant;
// what the configured transports write (captured at the transport, after its level and format)
const written: { level: string; text: string }[] = [];
const flush = () => new Promise((resolve) => setImmediate(resolve));
const lines = (pattern: RegExp) => written.filter((line) => pattern.test(line.text));

beforeAll(async () => {
  app = await startApp({ LOG_LEVEL: 'warn' });
  const transports = (app.strapi.log as unknown as { transports: { log: (info: any, next?: () => void) => unknown }[] }).transports;
  expect(transports.length).toBeGreaterThan(0);
  for (const transport of transports) {
    jest.spyOn(transport, 'log').mockImplementation((info: any, next?: () => void) => {
      written.push({ level: info[LEVEL], text: String(info[MESSAGE] ?? info.message) });
      next?.();
      return true;
    });
  }
  user = await tenant(app, 'both', 'observability');
});
afterAll(async () => {
  jest.restoreAllMocks();
  await app?.close();
});

describe('logging (LOG_LEVEL is a minimum)', () => {
  it('LOG_LEVEL=warn writes errors and warnings, not info', async () => {
    app.strapi.log.error('observability probe: an error');
    app.strapi.log.warn('observability probe: a warning');
    app.strapi.log.info('observability probe: information');
    await flush();
    expect(lines(/observability probe/).map((line) => line.level)).toEqual(['error', 'warn']);
  });
});

describe('request ids', () => {
  it('every response carries X-Request-Id; a safe incoming one is echoed, an unsafe one replaced', async () => {
    const fresh = await app.http.get('/_health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const notFound = await app.http.get('/api/nowhere');
    expect(notFound.status).toBe(404);
    expect(notFound.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(notFound.headers['x-request-id']).not.toBe(fresh.headers['x-request-id']);

    const quoted = await as(app, user.token).list('employees').set('X-Request-Id', 'gateway-1.abc_DEF-42');
    expect(quoted.status).toBe(200);
    expect(quoted.headers['x-request-id']).toBe('gateway-1.abc_DEF-42');
    expect((await app.http.get('/_health').set('X-Request-Id', 'x'.repeat(64))).headers['x-request-id']).toBe('x'.repeat(64));

    for (const unsafe of ['x'.repeat(65), 'has space', 'semi;colon', '<script>', '../etc/passwd', '"quoted"', '']) {
      const res = await app.http.get('/_health').set('X-Request-Id', unsafe);
      expect([unsafe, res.headers['x-request-id']]).toEqual([unsafe, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    }
  });

  it('exposes X-Request-Id to browsers (CORS)', async () => {
    const res = await app.http.get('/_health').set('Origin', 'http://elsewhere.test');
    expect(res.headers['access-control-expose-headers']).toMatch(/X-Request-Id/i);
  });
});

describe('a 5xx is logged once, with its stack and the request id the response carries', () => {
  it('a failing console request (its table is gone) answers 500 with the id and no stack, and logs both', async () => {
    // a real failure on a real path: the table behind a console resource disappears under the server
    await app.strapi.db.connection.schema.dropTable('collab_resource_favourites');
    written.length = 0;
    const res = await as(app, user.token).list('resource-favourites').set('Accept-Language', 'en');
    expect(res.status).toBe(500);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toMatchObject({ code: 'INTERNAL', message: 'Internal server error, please retry later', requestId: id });
    expect(JSON.stringify(res.body)).not.toMatch(/collab_resource_favourites|\bat .+:\d+:\d+/);
    await flush();
    const logged = written.filter((line) => line.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0].text).toContain(`GET /api/console/resource-favourites → 500 [request ${id}]`);
    expect(logged[0].text).toMatch(/collab_resource_favourites/);
    expect(logged[0].text).toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('an unexpected error outside the platform\'s own paths keeps Strapi\'s format, logged once with the quoted id', async () => {
    app.strapi.server.routes([{
      method: 'GET', path: '/observability-test/boom', config: { auth: false },
      handler: () => { throw new Error('deliberate failure for the observability test'); },
    }]);
    written.length = 0;
    const res = await app.http.get('/observability-test/boom').set('X-Request-Id', 'support-case-7');
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toBe('support-case-7');
    expect(res.body).toEqual({
      data: null, requestId: 'support-case-7',
      error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error', details: {} },
    });
    await flush();
    const logged = written.filter((line) => line.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0].text).toContain('GET /observability-test/boom → 500 [request support-case-7]');
    expect(logged[0].text).toContain('Error: deliberate failure for the observability test');
    expect(logged[0].text).toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe('job failures', () => {
  it('a job that throws is logged once, with the job name and the stack', async () => {
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    jobs.define({ name: 'test.observability-failing', cron: '* * * * *', run: async () => { throw new Error('job exploded'); } });
    written.length = 0;
    await expect(jobs.runNow('test.observability-failing')).rejects.toThrow('job exploded');
    await flush();
    const logged = written.filter((line) => line.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0].text).toContain('job test.observability-failing failed');
    expect(logged[0].text).toContain('Error: job exploded');
    expect(logged[0].text).toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
