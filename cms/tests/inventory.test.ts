import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { TEST_DB } from './helpers/db';

let app: TestApp;
let supplier: Tenant;
const stock = () => app.strapi.plugin('inventory').service('stock');
const soon = () => new Date(Date.now() + 15 * 60_000);
let nextProduct = 5000;
const productId = () => (nextProduct += 1);

beforeAll(async () => {
  app = await startApp({ DATABASE_POOL_MAX: '60' });
  supplier = await tenant(app, 'supplier', 'stock_supplier');
});
afterAll(async () => {
  expect(await stock().reconcile()).toEqual([]);
  await app?.close();
});

async function dailyProduct(days: Record<string, number>) {
  const id = productId();
  await stock().setPolicy(id, supplier.enterpriseId, 'daily');
  for (const [day, quantity] of Object.entries(days)) await stock().maintain({ productId: id, supplierId: supplier.enterpriseId, mode: 'set', quantity, from: day, to: day });
  return id;
}
const item = (id: number, slot: string) => app.strapi.db.query('plugin::inventory.stock-item').findOne({ where: { productId: id, slot } });

describe('stock calendar (inventory plugin)', () => {
  it('maintains daily stock over a range, by set and by add, and writes a movement per change', async () => {
    const id = productId();
    await stock().setPolicy(id, supplier.enterpriseId, 'daily');
    const res = await as(app, supplier.token).post('/stock-days/maintain', { productId: id, mode: 'set', quantity: 20, from: '2027-01-30', to: '2027-02-02' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ changed: 4, slots: 4 });
    await as(app, supplier.token).post('/stock-days/maintain', { productId: id, mode: 'add', quantity: 5, from: '2027-02-01', to: '2027-02-01' });
    const days = await as(app, supplier.token).list('stock-days', { filter: { productId: id, slot_gte: '2027-01-31', slot_lte: '2027-02-01' }, sort: ['slot', 'ASC'] });
    expect(days.body.map((d: any) => [d.slot, d.total, d.available])).toEqual([['2027-01-31', 20, 20], ['2027-02-01', 25, 25]]);
    const movements = await as(app, supplier.token).list('stock-movements', { filter: { productId: id } });
    expect(movements.body).toHaveLength(5);
  });

  it('reserves, releases and consumes, with the counters following', async () => {
    const id = await dailyProduct({ '2027-03-01': 10 });
    await stock().reserve([{ reference: 'o1-l1', productId: id, quantity: 3, day: '2027-03-01' }], { expiresAt: soon() });
    await stock().reserve([{ reference: 'o2-l1', productId: id, quantity: 4, day: '2027-03-01' }], { expiresAt: soon() });
    expect(await item(id, '2027-03-01')).toMatchObject({ total: 10, reserved: 7, sold: 0 });
    await stock().consume(['o1-l1']);
    await stock().release(['o2-l1']);
    expect(await stock().release(['o2-l1'])).toEqual({ resolved: 0 });
    expect(await stock().consume(['o2-l1'])).toEqual({ resolved: 0 });
    expect(await item(id, '2027-03-01')).toMatchObject({ total: 10, reserved: 0, sold: 3 });
  });

  it('gives back sold units in parts, never more than were sold, and a whole restock takes only what is left (issue 13)', async () => {
    const id = await dailyProduct({ '2027-03-03': 10 });
    await stock().reserve([{ reference: 'part-1', productId: id, quantity: 4, day: '2027-03-03' }], { expiresAt: soon() });
    await stock().consume(['part-1']);
    expect(await stock().returnUnits([{ reference: 'part-1', quantity: 1 }])).toEqual({ returned: 1 });
    expect(await item(id, '2027-03-03')).toMatchObject({ reserved: 0, sold: 3 });
    const row = () => app.strapi.db.query('plugin::inventory.stock-reservation').findOne({ where: { reference: 'part-1' } });
    expect(await row()).toMatchObject({ state: 'consumed', returnedQuantity: 1 });
    // more than is left: refused, nothing changes
    await expect(stock().returnUnits([{ reference: 'part-1', quantity: 4 }])).rejects.toMatchObject({ status: 409 });
    await expect(stock().returnUnits([{ reference: 'part-1', quantity: 0 }])).rejects.toMatchObject({ status: 400 });
    expect(await item(id, '2027-03-03')).toMatchObject({ sold: 3 });
    // the whole restock gives back the 3 left, once
    expect(await stock().restock(['part-1'])).toEqual({ resolved: 1 });
    expect(await item(id, '2027-03-03')).toMatchObject({ reserved: 0, sold: 0 });
    expect(await row()).toMatchObject({ state: 'returned', returnedQuantity: 4 });
    await expect(stock().returnUnits([{ reference: 'part-1', quantity: 1 }])).rejects.toMatchObject({ status: 409 });
    const moves = await app.strapi.db.query('plugin::inventory.stock-movement').findMany({ where: { reference: 'part-1', kind: 'return' } });
    expect((moves as any[]).map((m) => m.soldDelta).sort()).toEqual([-1, -3]);
  });

  it('sums quantities per stock row before checking (two lines of one day)', async () => {
    const id = await dailyProduct({ '2027-03-02': 5 });
    await expect(stock().reserve([
      { reference: 'dup-1', productId: id, quantity: 3, day: '2027-03-02' },
      { reference: 'dup-2', productId: id, quantity: 3, day: '2027-03-02' },
    ], { expiresAt: soon() })).rejects.toMatchObject({ status: 409, code: 'OUT_OF_STOCK' });
    expect(await item(id, '2027-03-02')).toMatchObject({ reserved: 0 });
  });

  it('reserves nothing when one line of several lacks stock', async () => {
    const a = await dailyProduct({ '2027-03-03': 5 });
    const b = await dailyProduct({ '2027-03-03': 1 });
    const error = await stock().reserve([
      { reference: 'multi-1', productId: a, quantity: 2, day: '2027-03-03' },
      { reference: 'multi-2', productId: b, quantity: 2, day: '2027-03-03' },
    ], { expiresAt: soon() }).catch((e: any) => e);
    expect(error).toMatchObject({ status: 409, code: 'OUT_OF_STOCK' });
    expect(error.extra.lines).toEqual([{ productId: b, slot: '2027-03-03', wanted: 2, available: 1 }]);
    expect(await item(a, '2027-03-03')).toMatchObject({ reserved: 0 });
    expect(await app.strapi.db.query('plugin::inventory.stock-reservation').count({ where: { reference: { $in: ['multi-1', 'multi-2'] } } })).toBe(0);
    const missingDay = await stock().reserve([{ reference: 'nd', productId: a, quantity: 1, day: '2027-09-09' }], { expiresAt: soon() }).catch((e: any) => e);
    expect(missingDay.extra.lines[0].available).toBe(0);
  });

  it('handles total stock and unmanaged products', async () => {
    const total = productId();
    await stock().setPolicy(total, supplier.enterpriseId, 'total');
    await stock().maintain({ productId: total, supplierId: supplier.enterpriseId, mode: 'set', quantity: 2 });
    await stock().reserve([{ reference: 'tot-1', productId: total, quantity: 2 }], { expiresAt: soon() });
    await expect(stock().reserve([{ reference: 'tot-2', productId: total, quantity: 1 }], { expiresAt: soon() })).rejects.toMatchObject({ code: 'OUT_OF_STOCK' });
    const free = productId();
    await stock().setPolicy(free, supplier.enterpriseId, 'none');
    expect(await stock().reserve([{ reference: 'free-1', productId: free, quantity: 999 }], { expiresAt: soon() })).toEqual({ reserved: 1 });
    expect(await stock().consume(['free-1'])).toEqual({ resolved: 1 });
  });

  it('refuses to cut stock below what is reserved or sold, naming the days, and changes nothing', async () => {
    const id = await dailyProduct({ '2027-04-01': 5, '2027-04-02': 5 });
    await stock().reserve([{ reference: 'cut-1', productId: id, quantity: 4, day: '2027-04-02' }], { expiresAt: soon() });
    const res = await as(app, supplier.token).post('/stock-days/maintain', { productId: id, mode: 'set', quantity: 3, from: '2027-04-01', to: '2027-04-02' });
    expect(res.status).toBe(400);
    expect(res.body.errors.quantity).toContain('2027-04-02');
    expect(await item(id, '2027-04-01')).toMatchObject({ total: 5 });
  });

  it('names the field for bad maintenance input', async () => {
    const id = await dailyProduct({});
    const cases: [Record<string, unknown>, string][] = [
      [{ productId: id, mode: 'set', quantity: -1, from: '2027-05-01', to: '2027-05-01' }, 'quantity'],
      [{ productId: id, mode: 'set', quantity: 1.5, from: '2027-05-01', to: '2027-05-01' }, 'quantity'],
      [{ productId: id, mode: 'set', quantity: 1, from: '2027-05-03', to: '2027-05-01' }, 'to'],
      [{ productId: id, mode: 'set', quantity: 1, from: '2027-02-30', to: '2027-03-01' }, 'from'],
      [{ productId: id, mode: 'set', quantity: 1, from: '2027-01-01', to: '2028-12-31' }, 'to'],
      [{ productId: id, mode: 'double', quantity: 1, from: '2027-05-01', to: '2027-05-01' }, 'mode'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, supplier.token).post('/stock-days/maintain', body);
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
    const other = await tenant(app, 'supplier', 'stock_other');
    expect((await as(app, other.token).post('/stock-days/maintain', { productId: id, mode: 'set', quantity: 1, from: '2027-05-01', to: '2027-05-01' })).status).toBe(404);
    const seller = await tenant(app, 'seller', 'stock_seller');
    expect((await as(app, seller.token).post('/stock-days/maintain', { productId: id, mode: 'set', quantity: 1, from: '2027-05-01', to: '2027-05-01' })).status).toBe(403);
  });

  it('refuses past days (Asia/Shanghai): a range ending before today names from and to, one starting before today names from', async () => {
    const id = await dailyProduct({});
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const plus = (n: number) => { const d = new Date(`${day}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
    const maintain = (from: string, to: string) => as(app, supplier.token).post('/stock-days/maintain', { productId: id, mode: 'set', quantity: 9, from, to });
    const past = await maintain(plus(-3), plus(-1));
    expect(past.status).toBe(400);
    expect(Object.keys(past.body.errors).sort()).toEqual(['from', 'to']);
    expect(past.body.errors.to).toContain(day);
    const straddling = await maintain(plus(-1), plus(1));
    expect(straddling.status).toBe(400);
    expect(Object.keys(straddling.body.errors)).toEqual(['from']);
    expect(await app.strapi.db.query('plugin::inventory.stock-item').count({ where: { productId: id } })).toBe(0);
    const fromToday = await maintain(day, plus(1));
    expect(fromToday.status).toBe(200);
    expect(fromToday.body).toEqual({ changed: 2, slots: 2 });
  });

  it('expires reservations past their time (job), once', async () => {
    const id = await dailyProduct({ '2027-06-01': 3 });
    await stock().reserve([{ reference: 'exp-1', productId: id, quantity: 3, day: '2027-06-01' }], { expiresAt: new Date(Date.now() - 1000) });
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    const first = await jobs.runNow('inventory.expire-reservations');
    expect(first.result.expired).toBeGreaterThanOrEqual(1);
    expect(await item(id, '2027-06-01')).toMatchObject({ reserved: 0 });
    expect(await app.strapi.db.query('plugin::inventory.stock-reservation').findOne({ where: { reference: 'exp-1' } })).toMatchObject({ state: 'expired' });
    expect((await jobs.runNow('inventory.expire-reservations')).result).toEqual({ expired: 0 });
  });

  it(`never oversells: 50 concurrent reservations for the last 10 units (${TEST_DB})`, async () => {
    const id = await dailyProduct({ '2027-07-01': 10 });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) =>
      stock().reserve([{ reference: `race-${i}`, productId: id, quantity: 1, day: '2027-07-01' }], { expiresAt: soon() })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(new Set(failures.map((f) => f.reason.code))).toEqual(new Set(['OUT_OF_STOCK']));
    expect(await item(id, '2027-07-01')).toMatchObject({ total: 10, reserved: 10, sold: 0 });
    expect(await app.strapi.db.query('plugin::inventory.stock-reservation').count({ where: { productId: id, state: 'active' } })).toBe(10);
  });

  it('resolves a reservation once when release and consume race', async () => {
    const id = await dailyProduct({ '2027-07-02': 5 });
    await stock().reserve([{ reference: 'race-resolve', productId: id, quantity: 2, day: '2027-07-02' }], { expiresAt: soon() });
    const outcomes = await Promise.all([stock().consume(['race-resolve']), stock().release(['race-resolve']), stock().consume(['race-resolve'])]);
    expect(outcomes.reduce((sum: number, o: any) => sum + o.resolved, 0)).toBe(1);
    const row = await item(id, '2027-07-02');
    expect(row.reserved).toBe(0);
    expect(row.sold === 2 || row.sold === 0).toBe(true);
  });
});
