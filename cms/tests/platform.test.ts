import { startApp, TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.close(); });

const LOCAL_PLUGINS = ['scheduler', 'identity', 'console', 'messaging', 'files', 'catalogue', 'inventory', 'ledger', 'orders', 'incentives', 'collaboration'];

describe('platform', () => {
  it('loads every local plugin (Strapi skips a plugin with no compiled entry silently)', () => {
    for (const name of LOCAL_PLUGINS) expect(app.strapi.plugin(name)).toBeDefined();
    expect(app.strapi.plugin('users-permissions')).toBeDefined();
  });

  it('stores money as integers and keeps Draft & Publish off on every platform type', () => {
    const ours = Object.entries(app.strapi.contentTypes).filter(([uid]) => LOCAL_PLUGINS.some((p) => uid.startsWith(`plugin::${p}.`)));
    expect(ours.length).toBeGreaterThan(0);
    for (const [uid, contentType] of ours) {
      expect([uid, contentType.options?.draftAndPublish ?? false]).toEqual([uid, false]);
      for (const [name, attribute] of Object.entries(contentType.attributes)) {
        expect([uid, name, ['decimal', 'float'].includes((attribute as any).type)]).toEqual([uid, name, false]);
      }
    }
  });

  it('declares the console resources of the foundation', () => {
    const names = app.strapi.plugin('console').service('registry').all().map((r: any) => r.name).sort();
    expect(names).toEqual(expect.arrayContaining(['accounts', 'employees', 'enterprises', 'notifications', 'roles']));
  });

  it('serves a favicon (every browser asks; a missing file was a 500 on each page)', async () => {
    const res = await app.http.get('/favicon.ico');
    expect([res.status, res.body.length > 0]).toEqual([200, true]);
  });

  it('answers /_health', async () => {
    const res = await app.http.get('/_health');
    expect(res.status).toBe(204);
  });

  it('refuses self-registration', async () => {
    const res = await app.http.post('/api/auth/local/register').send({ username: 'intruder', email: 'i@x.local', password: 'Passw0rd!x' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'intruder' } })).toBe(0);
  });
});

describe('OpenAPI document', () => {
  it('is public and describes sign-in and every console resource from the same declarations', async () => {
    const res = await app.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/auth/local'].post.requestBody.content['application/json'].schema.required).toEqual(['identifier', 'password', 'captchaId', 'captchaCode']);
    for (const resource of app.strapi.plugin('console').service('registry').all()) {
      expect(res.body.paths[`/console/${resource.name}`]?.get).toBeDefined();
      for (const action of Object.keys(resource.actions ?? {})) expect(res.body.paths[`/console/${resource.name}/{id}/${action}`]).toBeDefined();
    }
    const employee = res.body.components.schemas.Employees;
    expect(employee.required).toEqual(['employeeNo', 'name']);
    expect(res.body.components.schemas.Accounts.properties.password.writeOnly).toBe(true);
  });
});

describe('OpenAPI document: structure (validated with ajv, JSON Schema 2020-12 as OpenAPI 3.1)', () => {
  const METHODS = ['get', 'post', 'put', 'delete', 'patch'];
  // operations that take no body at all (signing out, paying an order): the one exception to "POST/PUT documents its body"
  const BODYLESS = ['post /auth/logout', 'post /mini/auth/logout', 'post /mini/orders/{id}/pay'];
  let doc: any;
  beforeAll(async () => { doc = (await app.http.get('/api/openapi.json')).body; });

  const walk = (node: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = '#') => {
    if (!node || typeof node !== 'object') return;
    visit(node as Record<string, unknown>, path);
    for (const [key, value] of Object.entries(node)) walk(value, visit, `${path}/${key}`);
  };
  const pointer = (ref: string) => ref.slice(2).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node === undefined ? undefined : node[key]), doc);
  const operations = () => Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, item, operation: item[method] })));
  const bodySchema = (path: string, media = 'application/json') => doc.paths[path].post.requestBody?.content?.[media]?.schema;

  it('resolves every $ref', () => {
    const broken: string[] = [];
    walk(doc, (node, at) => {
      if (typeof node.$ref === 'string' && (!node.$ref.startsWith('#/') || pointer(node.$ref) === undefined)) broken.push(`${at}: ${node.$ref}`);
    });
    expect(broken).toEqual([]);
  });

  it('compiles every schema of every body and response with ajv', () => {
    const Ajv2020 = require('ajv/dist/2020').default;
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'openapi.json', components: doc.components });
    const local = (schema: unknown) => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi.json#/components/'));
    const failures: string[] = [];
    for (const { path, method, operation } of operations()) {
      const schemas = [
        ...Object.values<any>(operation.requestBody?.content ?? {}).map((media) => media.schema),
        ...Object.values<any>(operation.responses ?? {}).flatMap((response) => Object.values<any>(response.content ?? {}).map((media) => media.schema)),
        ...(operation.parameters ?? []).map((parameter: any) => parameter.schema),
      ].filter(Boolean);
      for (const schema of schemas) {
        try { ajv.compile(local(schema)); } catch (error) { failures.push(`${method} ${path}: ${(error as Error).message}`); }
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives every operation its responses, declares every path parameter, and documents the body of every POST and PUT', () => {
    const problems: string[] = [];
    for (const { path, method, item, operation } of operations()) {
      const where = `${method} ${path}`;
      const responses = Object.entries<any>(operation.responses ?? {});
      if (!responses.length) problems.push(`${where}: no responses`);
      for (const [status, response] of responses) if (!response?.description) problems.push(`${where} ${status}: no description`);
      const declared = [...(item.parameters ?? []), ...(operation.parameters ?? [])].filter((p: any) => p.in === 'path').map((p: any) => p.name);
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) if (!declared.includes(name)) problems.push(`${where}: path parameter ${name} undeclared`);
      if ((method === 'post' || method === 'put') && !BODYLESS.includes(where)) {
        const content = operation.requestBody?.content ?? {};
        if (!Object.keys(content).length || !Object.values<any>(content).every((media) => media.schema)) problems.push(`${where}: no requestBody schema`);
      }
    }
    expect(problems).toEqual([]);
    for (const where of BODYLESS) {
      const [method, path] = where.split(' ');
      expect([where, Boolean(doc.paths[path]?.[method])]).toEqual([where, true]);
    }
  });

  it('documents the bodies of checkout, upload (multipart), stock maintenance, employee import (multipart) and read-all', () => {
    const checkout = bodySchema('/console/cart-items/checkout');
    expect(checkout.required).toEqual(expect.arrayContaining(['ids', 'channel']));
    expect(Object.keys(checkout.properties)).toEqual(expect.arrayContaining(['ids', 'channel', 'paymentMode', 'customerName', 'visitDate']));
    expect(bodySchema('/console/files/upload', 'multipart/form-data').properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(bodySchema('/console/files/upload', 'multipart/form-data').required).toContain('file');
    const maintain = bodySchema('/console/stock-days/maintain');
    expect(maintain.required).toEqual(expect.arrayContaining(['productId', 'mode', 'quantity']));
    expect(maintain.properties).toMatchObject({ from: { format: 'date' }, to: { format: 'date' }, mode: { enum: ['set', 'add'] } });
    expect(bodySchema('/console/employees/import', 'multipart/form-data').properties.file).toMatchObject({ format: 'binary' });
    expect(Object.keys(bodySchema('/console/notifications/read-all').properties)).toEqual(['filter']);
  });

  it('gives /mini/catalogue items a schema and lists 429 for the mini-program sign-in', () => {
    const items = doc.paths['/mini/catalogue'].get.responses['200'].content['application/json'].schema.items;
    expect(items.required).toEqual(expect.arrayContaining(['id', 'name', 'offers']));
    expect(items.properties.offers.items.properties).toHaveProperty('price');
    expect(Object.keys(doc.paths['/mini/auth/login'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
  });
});
