import type { TestApp } from './app';
import { as, Tenant } from './fixtures';

/** Shortcuts to set up catalogue data through the console API, as a supplier would. */
export async function partner(app: TestApp, supplier: Tenant, seller: Tenant) {
  const res = await as(app, supplier.token).post('/partnerships', { sellerId: seller.enterpriseId });
  if (res.status !== 201) throw new Error(`partnership: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function product(app: TestApp, supplier: Tenant, extra: Record<string, unknown> = {}) {
  const { unlisted, ...body } = extra;
  const res = await as(app, supplier.token).post('/products', { category: 'ticket', name: '景区门票', scenicSpot: '西湖', referencePrice: 8000, stockMode: 'daily', ...body });
  if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
  if (!unlisted) await as(app, supplier.token).post(`/products/${res.body.id}/list`);
  return res.body;
}

export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
export const shift = (day: string, days: number) => { const d = new Date(`${day}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().slice(0, 10); };

export async function strategy(app: TestApp, supplier: Tenant, lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const res = await as(app, supplier.token).post('/strategies', { channel: 'individual', name: '标准价', effectiveFrom: shift(today(), -1), effectiveTo: shift(today(), 30), lines, ...extra });
  if (res.status !== 201) throw new Error(`strategy: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function agreement(app: TestApp, supplier: Tenant, seller: Tenant, extra: Record<string, unknown> = {}) {
  const { draft, ...body } = extra;
  const res = await as(app, supplier.token).post('/agreements', { sellerId: seller.enterpriseId, number: `AG-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, title: '年度合作协议', validFrom: shift(today(), -1), validTo: shift(today(), 365), ...body });
  if (res.status !== 201) throw new Error(`agreement: ${res.status} ${JSON.stringify(res.body)}`);
  if (!draft) await as(app, supplier.token).post(`/agreements/${res.body.id}/confirm`);
  return res.body;
}
