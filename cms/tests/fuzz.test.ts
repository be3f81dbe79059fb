/**
 * Hostile input on every operation of the OpenAPI document: malformed JSON, wrong types, NUL, huge
 * numbers, out-of-range and impossible dates, unknown fields, objects where scalars go, scalars where
 * lists go, deep nesting. Every answer must be a 4xx (never a 5xx); a 400 names the field(s) in
 * `errors`; and nothing is written (the row count of every table is unchanged after each operation).
 *
 * Runs on the demo data (both sides, with an order, a cart line and a mini-program employee), so that
 * `{id}` operations reach real records of the caller rather than stopping at a 404.
 */
import { startApp, TestApp, BYPASS } from './helpers/app';
import { TEST_DB } from './helpers/db';

const PASSWORD = 'Demo@123456';
let app: TestApp;
const tokens: Record<string, string> = {};
let miniOrderId = 0;

async function signIn(identifier: string) {
  const res = await app.http.post('/api/auth/local').send({ identifier, password: PASSWORD, captchaId: 'x', captchaCode: BYPASS });
  if (res.status !== 200) throw new Error(`sign-in ${identifier}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jwt as string;
}

const console_ = (token: string) => ({
  get: (path: string) => app.http.get(`/api/console${path}`).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown) => app.http.post(`/api/console${path}`).set('Authorization', `Bearer ${token}`).send(body as object),
});

beforeAll(async () => {
  app = await startApp({ DEMO_SEED: 'true' });
  for (const user of ['supplier1', 'seller1']) tokens[user] = await signIn(user);
  // an order, a cart line and a mini-program employee, so their {id} operations meet real records
  const seller = console_(tokens.seller1);
  const catalogue = (await seller.get('/catalogue?range=[0,49]')).body as any[];
  const product = catalogue.find((p) => p.offers?.some((o: any) => o.channel === 'individual') && p.stockMode !== 'daily' && !p.isCombo);
  const offer = product.offers.find((o: any) => o.channel === 'individual');
  const order = await seller.post('/orders', {
    channel: 'individual', paymentMode: 'prepaid', customerName: '测试客户',
    lines: [{ productId: product.id, strategyId: offer.strategyId, quantity: offer.minQuantity ?? 1 }],
  });
  expect(order.status).toBe(201);
  const cart = await seller.post('/cart-items', { channel: 'individual', productId: product.id, strategyId: offer.strategyId, quantity: offer.minQuantity ?? 1 });
  expect(cart.status).toBe(201);
  // the mini program: an employee of seller1 with a password, signed in, with one order of its own
  const employee = (await seller.get('/employees?range=[0,0]')).body[0];
  expect((await seller.post(`/employees/${employee.id}/set-mini-password`, { password: 'Secret123x' })).status).toBe(200);
  const creditCode = (await seller.get('/enterprises')).body[0].creditCode;
  const login = await app.http.post('/api/mini/auth/login').send({ creditCode, employeeNo: employee.employeeNo, password: 'Secret123x', captchaId: 'x', captchaCode: BYPASS });
  expect(login.status).toBe(200);
  tokens.mini = login.body.jwt;
  const mini = await app.http.post('/api/mini/orders').set('Authorization', `Bearer ${tokens.mini}`)
    .send({ lines: [{ productId: product.id, strategyId: offer.strategyId, quantity: offer.minQuantity ?? 1 }] });
  expect(mini.status).toBe(201);
  miniOrderId = mini.body.id;
});
afterAll(async () => { await app?.close(); });

async function rowCounts(): Promise<Map<string, number>> {
  const knex = app.strapi.db.connection;
  const tables: string[] = TEST_DB === 'postgres'
    ? (await knex.raw("select tablename from pg_tables where schemaname = 'public'")).rows.map((r: any) => r.tablename)
    : (await knex.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")).map((r: any) => r.name);
  const union = tables.map((t) => `select '${t}' as t, count(*) as n from "${t}"`).join(' union all ');
  const rows = TEST_DB === 'postgres' ? (await knex.raw(union)).rows : await knex.raw(union);
  return new Map((rows as any[]).map((r) => [r.t, Number(r.n)]));
}

type Case = { name: string; body?: unknown; raw?: string; query?: Record<string, string> };

const DEEP = JSON.parse(`${'['.repeat(3000)}1${']'.repeat(3000)}`);
const NUL = 'a\u0000b';
/**
 * Values no field of this schema may take: each is wrong for the declared type, format, range or
 * length (a value that is merely unusual but valid, such as a date-like text in a name, is not here).
 */
function badValues(schema: any = {}): [string, unknown][] {
  const structural: [string, unknown][] = [['operator object', { $gt: 0 }], ['deep', DEEP]];
  if (schema.type === 'array') {
    const out: [string, unknown][] = [...structural, ['scalar for list', 'x'], ['[null]', [null]], ['["a", {}]', ['a', {}]]];
    if (schema.items?.type === 'object') {
      out.push(['[{}]', [{}]], ['wrong item types', [{ productId: 'x', strategyId: { $gt: 0 }, quantity: -1, day: 'x'.repeat(300) }]], ['item NUL', [{ productId: NUL }]]);
    } else if (schema.items?.type === 'integer') {
      out.push(['[0]', [0]], ['[2^31]', [2 ** 31]], ['[1.5]', [1.5]]);
    } else if (schema.items?.enum) {
      out.push(['[not a value]', ['zz-not-a-value']]);
    } else {
      out.push(['[NUL]', [NUL]]);
    }
    return out;
  }
  if (schema.type === 'integer') {
    const out: [string, unknown][] = [...structural, ['text', 'abc'], ['NUL text', NUL], ['fraction', 1.5], ['unsafe', 2 ** 53 + 2], ['1e300', 1e300], ['list', [1]], ['boolean', true]];
    if (typeof schema.minimum === 'number') out.push(['below minimum', schema.minimum - 1]);
    // past the column's range: an int4 column stops at 2^31 − 1, money (int8 fen) at its declared maximum
    out.push(['above maximum', typeof schema.maximum === 'number' ? schema.maximum + 1 : 2 ** 31]);
    return out;
  }
  if (schema.type === 'boolean') return [...structural, ['text', 'yes'], ['number', 1], ['NUL', NUL]];
  if (schema.type === 'string') {
    const out: [string, unknown][] = [...structural, ['NUL', NUL], ['lone surrogate', 'a\ud800b'], ['number', 12345], ['list', ['a']], ['boolean', false]];
    if (typeof schema.maxLength === 'number') out.push(['over maxLength', 'x'.repeat(schema.maxLength + 1)]);
    if (schema.enum) out.push(['not a value', 'zz-not-a-value']);
    if (schema.format === 'email') out.push(['not an email', 'not-an-email']);
    if (schema.format === 'date') out.push(['2026-02-30', '2026-02-30'], ['0000-01-01', '0000-01-01'], ['2026-13-01', '2026-13-01'], ['far past', '-271821-04-20']);
    if (schema.format === 'date-time') out.push(['far past', '-271821-04-20T00:00:00Z'], ['far future', '+275760-09-13T00:00:00Z'], ['2026-02-30', '2026-02-30T10:00:00Z'], ['25 o\'clock', '2026-01-01T25:00:00Z']);
    return out;
  }
  // free JSON: only what the database cannot hold
  return [['NUL inside', { a: NUL }], ['deep', DEEP]];
}

function bodyCases(schema: any, update: boolean): Case[] {
  const cases: Case[] = [
    { name: 'malformed JSON', raw: '{"a":' },
    { name: 'array body', body: [1, 2] },
    { name: 'unknown field', body: { zzUnknown: 1 } },
  ];
  for (const [field, property] of Object.entries<any>(schema?.properties ?? {})) {
    // read-only fields (and create-only ones on update) are ignored when sent back, as documented
    if (property.readOnly || (update && property['x-createOnly'])) continue;
    for (const [label, value] of badValues(property)) cases.push({ name: `${field}: ${label}`, body: { [field]: value } });
  }
  return cases;
}

function listCases(schema: any): Case[] {
  const q = (params: Record<string, unknown>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const cases: Case[] = [
    { name: 'filter malformed', query: { filter: '{"a":' } },
    { name: 'filter array', query: q({ filter: [1] }) },
    { name: 'id huge', query: q({ filter: { id: 2_147_483_648 } }) },
    { name: 'id list huge', query: q({ filter: { id: [1, 2_147_483_648] } }) },
    { name: 'q NUL', query: q({ filter: { q: 'a\u0000b' } }) },
    { name: 'q object', query: q({ filter: { q: { $gt: 1 } } }) },
    { name: 'unknown filter', query: q({ filter: { zzUnknown: 1 } }) },
    { name: 'sort object', query: q({ sort: { id: 'asc' } }) },
    { name: 'sort unknown', query: q({ sort: ['zzUnknown', 'ASC'] }) },
    { name: 'sort direction', query: q({ sort: ['id', 'UP'] }) },
    { name: 'range negative', query: q({ range: [-1, 5] }) },
    { name: 'range too big', query: q({ range: [0, 5000] }) },
    { name: 'range text', query: { range: 'x' } },
  ];
  for (const [field, property] of Object.entries<any>(schema?.properties ?? {})) {
    // a filter takes one value or a list of values (any of); a list is bad only where its items are
    for (const [label, value] of badValues(property).filter(([label]) => !['list', '[null]', '["a", {}]', 'scalar for list'].includes(label))) {
      cases.push({ name: `filter ${field}: ${label}`, query: q({ filter: { [field]: value } }) });
      if (property.format === 'date-time' || property.format === 'date') cases.push({ name: `filter ${field}_gte: ${label}`, query: q({ filter: { [`${field}_gte`]: value } }) });
    }
  }
  return cases;
}

function queryCases(parameters: any[]): Case[] {
  const cases: Case[] = [];
  for (const parameter of parameters.filter((p) => p.in === 'query' && !['filter', 'range', 'sort'].includes(p.name))) {
    const values: [string, string][] = [['NUL', NUL], ['long', 'x'.repeat(3000)]];
    if (parameter.schema?.type === 'integer') values.push(['past int4', '2147483648'], ['text', 'abc'], ['zero', '0']);
    for (const [label, value] of values) cases.push({ name: `${parameter.name}: ${label}`, query: { [parameter.name]: value } });
  }
  // a verb that declares its parameters takes no others
  if (parameters.some((p) => p.in === 'query')) cases.push({ name: 'unknown parameter', query: { zzUnknown: '1' } });
  return cases;
}

/** The documented schema behind a $ref. */
const resolve = (doc: any, schema: any) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema);

describe('fuzz: hostile input on every operation of the OpenAPI document', () => {
  it('answers 4xx naming the field, never 5xx, and writes nothing', async () => {
    const doc = (await app.http.get('/api/openapi.json')).body;
    const failures: string[] = [];
    const figures = { operations: 0, requests: 0, status4xx: 0, status5xx: 0 };
    // an id of a record each signed-in user sees, per console resource
    const idOf = new Map<string, { id: number; token: string }>();
    const owner = async (resource: string) => {
      if (!idOf.has(resource)) {
        for (const token of [tokens.supplier1, tokens.seller1]) {
          const res = await console_(token).get(`/${resource}?range=[0,0]`);
          if (res.status === 200 && res.body[0]?.id) { idOf.set(resource, { id: res.body[0].id, token }); break; }
        }
        if (!idOf.has(resource)) {
          const readable = (await console_(tokens.supplier1).get(`/${resource}?range=[0,0]`)).status === 200;
          idOf.set(resource, { id: 1, token: readable ? tokens.supplier1 : tokens.seller1 });
        }
      }
      return idOf.get(resource)!;
    };

    for (const [path, item] of Object.entries<any>(doc.paths)) {
      // the event stream never ends (and takes no input); signing out would end the fuzzer's own session
      if (path === '/console/events' || path.endsWith('/auth/logout')) continue;
      for (const method of ['get', 'post', 'put', 'delete']) {
        const operation = item[method];
        if (!operation) continue;
        figures.operations += 1;
        const resource = /^\/console\/([a-z0-9-]+)/.exec(path)?.[1];
        const target = path.startsWith('/mini/') ? { id: miniOrderId, token: tokens.mini }
          : resource && resource !== 'session' ? await owner(resource) : { id: 1, token: tokens.supplier1 };
        const anonymous = Array.isArray(operation.security) && operation.security.length === 0;
        let url = `/api${path.replace('{id}', String(target.id))}`;
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
        let cases: Case[];
        if (method === 'delete') {
          // a valid delete of one's own record is not hostile input: only ids no record can have
          cases = [{ name: 'id past int4' }, { name: 'id zero' }];
        } else if (method === 'get' && parameters.some((p) => p.name === 'filter')) {
          cases = listCases(resolve(doc, operation.responses?.['200']?.content?.['application/json']?.schema?.items));
        } else if (method === 'get') {
          cases = queryCases(parameters);
          if (path.includes('{id}')) cases.push({ name: 'id past int4' });
        } else {
          const content = operation.requestBody?.content ?? {};
          const schema = resolve(doc, content['application/json']?.schema ?? content['multipart/form-data']?.schema);
          cases = bodyCases(schema, method === 'put');
        }
        const before = await rowCounts();
        for (const c of cases) {
          let target_url = url;
          if (c.name === 'id past int4') target_url = url.replace(`/${target.id}`, '/2147483648');
          if (c.name === 'id zero') target_url = url.replace(`/${target.id}`, '/0');
          if (method === 'delete' && !path.includes('{id}')) continue;
          let request = (app.http as any)[method](target_url).set('Accept-Language', 'en');
          if (!anonymous) request = request.set('Authorization', `Bearer ${target.token}`);
          if (c.query) request = request.query(c.query);
          if (c.raw !== undefined) request = request.set('Content-Type', 'application/json').send(c.raw);
          else if (c.body !== undefined) request = request.send(c.body);
          const res = await request;
          figures.requests += 1;
          const where = `${method.toUpperCase()} ${path} [${c.name}] → ${res.status}`;
          if (res.status >= 500) { figures.status5xx += 1; failures.push(`${where} ${JSON.stringify(res.body).slice(0, 200)}`); continue; }
          if (res.status < 400) { failures.push(`${where}: hostile input accepted`); continue; }
          figures.status4xx += 1;
          if ((res.status === 400 || res.status === 422) && !['BAD_JSON', 'BAD_BODY'].includes(res.body?.code) && !Object.keys(res.body?.errors ?? {}).length) {
            failures.push(`${where}: names no field ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
        const after = await rowCounts();
        // a captcha is the one thing an anonymous GET makes (a row per call, by design)
        const changed = [...after].filter(([table, n]) => before.get(table) !== n && !(path === '/auth/captcha' && table === 'identity_captchas'));
        if (changed.length) failures.push(`${method.toUpperCase()} ${path}: wrote rows ${JSON.stringify(changed.map(([t, n]) => [t, before.get(t), n]))}`);
      }
    }
    // the figures the closing note quotes
    process.stdout.write(`fuzz (${TEST_DB}): ${JSON.stringify(figures)}\n`);
    expect(figures.operations).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
