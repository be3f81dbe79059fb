import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { dataProvider, exportUrl } from '../dataProvider';
import { IdempotencyKeeper, newIdempotencyKey, outcomeUnknown, stableStringify } from '../resources/ledger/idempotency';
import { amountBody, limitBody, limitUsed, validateAmount, validateLimit } from '../resources/ledger/forms';
import { signedAmount, statementAmounts } from '../resources/ledger/types';
import { CODE_LABELS } from '@cop/config';
import { zhApp } from '../i18n/zh';
import { enApp } from '../i18n/en';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Idempotency-Key of top-ups and repayments', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };
  const networkError = new TypeError('Failed to fetch');

  it('gives each submission a fresh key', () => {
    const keeper = new IdempotencyKeeper(counter());
    expect(keeper.keyFor({ amount: 100 })).toBe('key-1');
    keeper.succeeded();
    expect(keeper.keyFor({ amount: 100 })).toBe('key-2'); // the same amount again is a new top-up
    keeper.succeeded();
    expect(keeper.keyFor({ amount: 200 })).toBe('key-3');
  });

  it('resends the key while the same submission is under way (a double click)', () => {
    const keeper = new IdempotencyKeeper(counter());
    expect(keeper.keyFor({ amount: 100, note: 'x' })).toBe('key-1');
    expect(keeper.keyFor({ note: 'x', amount: 100 })).toBe('key-1');
  });

  it('reuses the key when the same submission is retried after a network error or a 5xx', () => {
    const keeper = new IdempotencyKeeper(counter());
    const body = { amount: 100, reference: 'BANK-1' };
    expect(keeper.keyFor(body)).toBe('key-1');
    keeper.failed(networkError);
    expect(keeper.keyFor({ ...body })).toBe('key-1');
    keeper.failed(new HttpError('Bad gateway', 502));
    expect(keeper.keyFor({ ...body })).toBe('key-1');
    keeper.succeeded();
    expect(keeper.keyFor(body)).toBe('key-2');
  });

  it('starts a new key when the body changes or the server refused', () => {
    const keeper = new IdempotencyKeeper(counter());
    expect(keeper.keyFor({ amount: 100 })).toBe('key-1');
    keeper.failed(networkError);
    expect(keeper.keyFor({ amount: 150 })).toBe('key-2'); // another amount: another posting
    keeper.failed(new HttpError('校验失败', 400, { errors: { amount: '金额必须大于 0' } }));
    expect(keeper.pendingKey).toBeNull();
    expect(keeper.keyFor({ amount: 150 })).toBe('key-3');
    keeper.failed(new HttpError('账户未启用', 409, { code: 'ACCOUNT_DISABLED' }));
    expect(keeper.keyFor({ amount: 150 })).toBe('key-4');
  });

  it('tells unknown outcomes from refusals', () => {
    expect(outcomeUnknown(new TypeError('Failed to fetch'))).toBe(true);
    expect(outcomeUnknown(new HttpError('x', 500))).toBe(true);
    expect(outcomeUnknown(new HttpError('x', 504))).toBe(true);
    expect(outcomeUnknown(new HttpError('x', 408))).toBe(true);
    expect(outcomeUnknown(new HttpError('x', 400))).toBe(false);
    expect(outcomeUnknown(new HttpError('x', 403))).toBe(false);
    expect(outcomeUnknown(new HttpError('x', 409))).toBe(false);
  });

  it('makes UUID v4 keys, also where crypto.randomUUID is missing (plain http)', () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
    const insecure = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => crypto.getRandomValues(array as any) as T };
    const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey(insecure)));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(key).toMatch(UUID_V4);
    // the server takes it as part of its transfer id: 1–100 of [A-Za-z0-9:_./-]
    expect(`topup:${newIdempotencyKey(insecure)}`).toMatch(/^[A-Za-z0-9:_./-]{1,100}$/);
  });

  it('compares bodies whatever the key order', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: [1, 2] } })).toBe(stableStringify({ a: { c: [1, 2], d: 2 }, b: 1 }));
  });
});

describe('ledger forms', () => {
  it('sends amounts in fen with optional texts only when filled in', () => {
    expect(amountBody({ amount: 12345, reference: '  ', note: '' })).toEqual({ amount: 12345 });
    expect(amountBody({ amount: 100, reference: ' BANK-1 ', note: '五月预付' })).toEqual({
      amount: 100,
      reference: 'BANK-1',
      note: '五月预付',
    });
    expect(limitBody({ creditLimit: 0, validFrom: '2025-01-01', validTo: '2025-12-31', note: '' })).toEqual({
      creditLimit: 0,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
  });

  it('checks amounts and limits in fen', () => {
    const amount = validateAmount();
    expect(amount(null, {}, {} as any)).toBeUndefined();
    expect(amount(1, {}, {} as any)).toBeUndefined();
    expect(amount(0, {}, {} as any)).toBe('cop.ledger.amount_positive');
    expect(amount(-5, {}, {} as any)).toBe('cop.ledger.amount_positive');
    expect(amount(1_000_000_000_001, {}, {} as any)).toMatchObject({ message: 'cop.ledger.amount_too_large' });
    expect(validateAmount(5000, 'cop.ledger.repay_too_much')(5001, {}, {} as any)).toEqual({
      message: 'cop.ledger.repay_too_much',
      args: { amount: '¥50.00' },
    });

    const used = limitUsed({ creditLimit: 100_000, available: 40_000 });
    expect(used).toBe(60_000);
    expect(limitUsed({ creditLimit: 0, available: 0 })).toBe(0);
    const limit = validateLimit(used);
    expect(limit(0, {}, {} as any)).toMatchObject({ message: 'cop.ledger.limit_below_used', args: { amount: '¥600.00' } });
    expect(limit(60_000, {}, {} as any)).toBeUndefined();
    expect(limit(-1, {}, {} as any)).toBe('cop.ledger.limit_negative');
    expect(validateLimit(0)(0, {}, {} as any)).toBeUndefined();
  });

  it('signs transaction amounts by direction', () => {
    expect(signedAmount({ amount: 500, direction: 'in' })).toBe(500);
    expect(signedAmount({ amount: 500, direction: 'out' })).toBe(-500);
  });

  it('counts a freeze and its capture once in 金额 and shows the freeze in 冻结 (issue 13 item 20)', () => {
    const rows = [
      { kind: 'topup', amount: 50_000, direction: 'in' },
      { kind: 'freeze', amount: 15_000, direction: 'out' },
      { kind: 'capture', amount: 15_000, direction: 'out' },
      { kind: 'freeze', amount: 3_000, direction: 'out' },
      { kind: 'release', amount: 3_000, direction: 'in' },
      { kind: 'limit', amount: 0, direction: 'in' },
    ] as const;
    const figures = rows.map((row) => statementAmounts(row));
    expect(figures.map((f) => f.posted)).toEqual([50_000, 0, -15_000, 0, 0, 0]);
    expect(figures.map((f) => f.frozen)).toEqual([0, 15_000, -15_000, 3_000, -3_000, 0]);
    // the 金额 column adds up to what came in less what was spent; 冻结 nets to what is still held
    expect(figures.reduce((sum, f) => sum + f.posted, 0)).toBe(35_000);
    expect(figures.reduce((sum, f) => sum + f.frozen, 0)).toBe(0);
    // the server's figures win (a capture of less than its freeze takes off the whole freeze)
    expect(statementAmounts({ kind: 'capture', amount: 10_000, direction: 'out', postedAmount: -10_000, frozenChange: -15_000 }))
      .toEqual({ posted: -10_000, frozen: -15_000 });
  });

  it('takes its kind and channel labels from the table the server exports with (issue 13 item 15)', () => {
    const zh = zhApp.cop as unknown as Record<string, Record<string, string>>;
    const en = enApp.cop as unknown as Record<string, Record<string, string>>;
    for (const set of ['transaction_kind', 'order_channel', 'order_status', 'payment_mode', 'incentive_kind', 'incentive_event'] as const) {
      for (const [code, text] of Object.entries(CODE_LABELS[set])) {
        expect(zh[set][code]).toBe(text.zh);
        expect(en[set][code]).toBe(text.en);
      }
    }
    expect(zh.transaction_kind.limit).toBe('额度变更');
  });
});

describe('ledger calls', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem('cop.jwt', 'jwt-1');
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('builds the export URL from the list filter (whole Shanghai days) and sort', () => {
    const url = exportUrl('account-transactions', {
      filter: { accountId: 7, kind: 'topup', orderRef: 'SO 1', createdAt_gte: '2025-06-01', createdAt_lte: '2025-06-30' },
      sort: { field: 'amount', order: 'ASC' },
    });
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/api/console/account-transactions/export');
    expect(url).not.toContain(' ');
    expect(url).not.toContain('+');
    expect(JSON.parse(parsed.searchParams.get('filter')!)).toEqual({
      accountId: 7,
      kind: 'topup',
      orderRef: 'SO 1',
      createdAt_gte: '2025-06-01T00:00:00.000+08:00',
      createdAt_lte: '2025-06-30T23:59:59.999+08:00',
    });
    expect(JSON.parse(parsed.searchParams.get('sort')!)).toEqual(['amount', 'ASC']);
    expect(exportUrl('account-transactions')).toBe(`/api/console/account-transactions/export?filter=${encodeURIComponent('{}')}`);
  });

  it('downloads the export with the bearer token and the UI language', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('xlsx', {
        status: 200,
        headers: {
          'Content-Disposition': `attachment; filename="account-transactions.xlsx"; filename*=UTF-8''${encodeURIComponent('交易流水.xlsx')}`,
        },
      }),
    );
    const { blob, filename } = await dataProvider.exportList('account-transactions', {
      filter: { accountId: 7 },
      sort: { field: 'createdAt', order: 'DESC' },
    });
    expect(filename).toBe('交易流水.xlsx');
    expect(await blob.text()).toBe('xlsx');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(exportUrl('account-transactions', { filter: { accountId: 7 }, sort: { field: 'createdAt', order: 'DESC' } }));
    const headers = new Headers(init.headers);
    expect(headers.get('Authorization')).toBe('Bearer jwt-1');
    expect(headers.get('Accept-Language')).toBe('zh-CN');
  });

  it('posts the account verbs to their server resource, money postings with an Idempotency-Key', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ id: 3, status: 'enabled' }), { status: 200 }));
    await dataProvider.verb('prepaid-accounts', 3, 'enable');
    await dataProvider.verb('prepaid-accounts', 3, 'top-up', { amount: 10000 }, { idempotencyKey: 'k-1' });
    await dataProvider.verb('prepaid-accounts/credit', 4, 'set-limit', { creditLimit: 0, validFrom: '2025-01-01', validTo: '2025-12-31' });
    await dataProvider.verb('prepaid-accounts/credit', 4, 'repay', { amount: 500 }, { idempotencyKey: 'k-2' });
    const calls = fetchMock.mock.calls.map(([url, init]) => {
      const headers = new Headers((init as RequestInit).headers);
      return [url, (init as RequestInit).method, headers.get('Idempotency-Key'), headers.get('Authorization')];
    });
    expect(calls).toEqual([
      ['/api/console/prepaid-accounts/3/enable', 'POST', null, 'Bearer jwt-1'],
      ['/api/console/prepaid-accounts/3/top-up', 'POST', 'k-1', 'Bearer jwt-1'],
      ['/api/console/credit-accounts/4/set-limit', 'POST', null, 'Bearer jwt-1'],
      ['/api/console/credit-accounts/4/repay', 'POST', 'k-2', 'Bearer jwt-1'],
    ]);
  });

  it('reads the seller pages from the server resources', async () => {
    fetchMock.mockImplementation(
      async () =>
        new Response(JSON.stringify([]), {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Content-Range': 'x */0' },
        }),
    );
    for (const resource of ['my-accounts', 'my-accounts/credit', 'prepaid-accounts/credit']) {
      await dataProvider.getList(resource, { pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' }, filter: { sellerId: 9 } });
    }
    const paths = fetchMock.mock.calls.map(([url]) => new URL(url as string, 'http://x').pathname);
    expect(paths).toEqual(['/api/console/prepaid-accounts', '/api/console/credit-accounts', '/api/console/credit-accounts']);
  });
});
