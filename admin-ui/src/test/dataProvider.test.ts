import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider, exportUrl, normalizeFilter } from '../dataProvider';
import { reportErrors } from '../resources/reports/logic';

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('cop.jwt', 'jwt-1');
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('dataProvider', () => {
  it('turns whole-day date filters into Asia/Shanghai bounds and leaves the rest alone', () => {
    expect(normalizeFilter({ q: 'x', createdAt_gte: '2025-03-01', createdAt_lte: '2025-03-31', read: false })).toEqual({
      q: 'x',
      createdAt_gte: '2025-03-01T00:00:00.000+08:00',
      createdAt_lte: '2025-03-31T23:59:59.999+08:00',
      read: false,
    });
  });

  it('lists with the simple-rest protocol, the bearer token and the total from Content-Range', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify([{ id: 1, name: '李四' }]), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Content-Range': 'employees 0-0/41' },
      }),
    );
    const result = await dataProvider.getList('employees', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { department: '销售部' },
    });
    expect(result.total).toBe(41);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/api/console/employees');
    expect(JSON.parse(parsed.searchParams.get('filter')!)).toEqual({ department: '销售部' });
    expect(JSON.parse(parsed.searchParams.get('range')!)).toEqual([0, 9]);
    expect(JSON.parse(parsed.searchParams.get('sort')!)).toEqual(['createdAt', 'DESC']);
    const headers = new Headers(init.headers);
    expect(headers.get('Authorization')).toBe('Bearer jwt-1');
    expect(headers.get('Range')).toBe('employees=0-9');
  });

  it('uploads the employee file as multipart field "file" and surfaces row errors', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(
        JSON.stringify({ message: '导入失败', errors: { file: '有 1 行数据错误' }, rows: [{ row: 3, field: 'phone', message: '手机号格式错误' }] }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const file = new File(['x'], 'staff.xlsx');
    await expect(dataProvider.importEmployees(file)).rejects.toMatchObject({
      status: 400,
      body: { rows: [{ row: 3, field: 'phone' }] },
    });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/console/employees/import');
    expect(init.method).toBe('POST');
    expect(init.body).toBeInstanceOf(FormData);
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
    expect(new Headers(init.headers).has('Content-Type')).toBe(false); // the browser sets the multipart boundary
  });

  it('calls the verbs', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ id: 5 }), { status: 200 }));
    await dataProvider.resetAccountPassword(5, 'abc12345');
    await dataProvider.markNotificationRead(9);
    await dataProvider.markAllNotificationsRead();
    await dataProvider.markAllNotificationsRead({ type: 'announcement', createdAt_gte: '2026-03-01' });
    const calls = fetchMock.mock.calls.map(([url, init]) => [url, (init as RequestInit).method, (init as RequestInit).body]);
    expect(calls).toEqual([
      ['/api/console/accounts/5/reset-password', 'POST', JSON.stringify({ password: 'abc12345' })],
      ['/api/console/notifications/9/read', 'POST', undefined],
      ['/api/console/notifications/read-all', 'POST', undefined],
      // 全部标为已读 sends the list's filter (dates as the list sends them, Asia/Shanghai)
      ['/api/console/notifications/read-all', 'POST', JSON.stringify({ filter: { type: 'announcement', createdAt_gte: '2026-03-01T00:00:00.000+08:00' } })],
    ]);
  });

  it('leaves bounds on date-only fields alone (stock slots, validity dates)', () => {
    const filter = { productId: 3, slot_gte: '2025-06-01', slot_lte: '2025-06-30', validFrom_gte: '2025-01-01', effectiveTo_gte: '2025-02-01' };
    expect(normalizeFilter(filter)).toEqual(filter);
    expect(normalizeFilter({ updatedAt_lt: '2025-03-02' })).toEqual({ updatedAt_lt: '2025-03-02T00:00:00.000+08:00' });
  });

  it('sends page resources to their server resource', async () => {
    fetchMock.mockImplementation(
      async () =>
        new Response(JSON.stringify([]), {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Content-Range': 'products 0-0/0' },
        }),
    );
    await dataProvider.getList('products/ticket', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'DESC' },
      filter: { category: 'ticket', isCombo: false },
    });
    await dataProvider.getList('my-agreements', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
    });
    const paths = fetchMock.mock.calls.map(([url]) => new URL(url as string, 'http://x').pathname);
    expect(paths).toEqual(['/api/console/products', '/api/console/agreements']);

    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ id: 8, name: 'x' }), { status: 200 }));
    await dataProvider.update('strategies/gov', { id: 8, data: { name: 'x' }, previousData: { id: 8 } });
    await dataProvider.create('products/combo', { data: { name: 'x' } });
    const calls = fetchMock.mock.calls.map(([url, init]) => [url, (init as RequestInit).method]);
    expect(calls).toEqual([
      ['/api/console/strategies/8', 'PUT'],
      ['/api/console/products', 'POST'],
    ]);
  });

  it('reads getMany record by record (the API has no id filter)', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      const id = Number(url.split('/').pop());
      return new Response(JSON.stringify({ id, name: `p${id}` }), { status: 200 });
    });
    const { data } = await dataProvider.getMany('products', { ids: [3, 5, 3] });
    expect(data).toEqual([
      { id: 3, name: 'p3' },
      { id: 5, name: 'p5' },
    ]);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/console/products/3', '/api/console/products/5']);
  });

  it('posts the verbs of partnerships, products, strategies, agreements and stock', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ id: 1, changed: 30, slots: [] }), { status: 200 }));
    await dataProvider.verb('partnerships', 4, 'stop', { reason: '合同到期' });
    await dataProvider.verb('products/retail', 9, 'unlist');
    await dataProvider.verb('strategies/individual', 2, 'enable');
    await dataProvider.verb('my-agreements', 6, 'confirm');
    const result = await dataProvider.maintainStock({ productId: 9, mode: 'add', quantity: -5, from: '2025-06-01', to: '2025-06-30' });
    expect(result.changed).toBe(30);
    const calls = fetchMock.mock.calls.map(([url, init]) => [url, (init as RequestInit).method, (init as RequestInit).body]);
    expect(calls).toEqual([
      ['/api/console/partnerships/4/stop', 'POST', JSON.stringify({ reason: '合同到期' })],
      ['/api/console/products/9/unlist', 'POST', '{}'],
      ['/api/console/strategies/2/enable', 'POST', '{}'],
      ['/api/console/agreements/6/confirm', 'POST', '{}'],
      [
        '/api/console/stock-days/maintain',
        'POST',
        JSON.stringify({ productId: 9, mode: 'add', quantity: -5, from: '2025-06-01', to: '2025-06-30' }),
      ],
    ]);
  });

  it('surfaces the field errors of stock maintenance', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ message: '参数错误', errors: { from: '必填' } }), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    await expect(dataProvider.maintainStock({ productId: 9, mode: 'set', quantity: 5 })).rejects.toMatchObject({
      status: 400,
      body: { errors: { from: '必填' } },
    });
  });

  it('uploads attachments as multipart field "file" and downloads them with the bearer token', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ id: 31, name: '合同.pdf', mime: 'application/pdf', size: 3 }), { status: 201 }),
    );
    const uploaded = await dataProvider.uploadFile(new File(['pdf'], '合同.pdf'));
    expect(uploaded).toEqual({ id: 31, name: '合同.pdf', mime: 'application/pdf', size: 3 });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/console/files/upload');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);

    fetchMock.mockResolvedValueOnce(
      new Response('%PDF', {
        status: 200,
        headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf" },
      }),
    );
    const { blob, filename } = await dataProvider.downloadAgreementAttachment(6, 31);
    expect(filename).toBe('合同.pdf');
    expect(await blob.text()).toBe('%PDF');
    const [downloadUrl, downloadInit] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(downloadUrl).toBe('/api/console/agreements/6/attachment?fileId=31');
    expect(new Headers(downloadInit.headers).get('Authorization')).toBe('Bearer jwt-1');
  });

  it('downloads a record\'s file through its GET file verb (page aliases mapped, inline previews), and my own uploads', async () => {
    fetchMock.mockImplementation(async () => new Response('PNG', { status: 200, headers: { 'Content-Type': 'image/png' } }));
    await dataProvider.downloadRecordFile('all-resources', 4, 17);
    await dataProvider.downloadRecordFile('conversation-messages', 9, 2);
    await dataProvider.downloadOwnFile(17);
    // product pictures through the page's verb; previews ask for the file inline
    await dataProvider.downloadRecordFile('order/gov', 5, 3, { verb: 'picture' });
    await dataProvider.downloadRecordFile('my-orders', 8, 3, { verb: 'picture', disposition: 'inline' });
    const preview = await dataProvider.downloadAgreementAttachment(6, 31, { disposition: 'inline' });
    expect(preview.url).toBe('/api/console/agreements/6/attachment?fileId=31&disposition=inline');
    const urls = fetchMock.mock.calls.map(([url]) => url);
    expect(urls).toEqual([
      '/api/console/all-resources/4/file?fileId=17',
      '/api/console/conversation-messages/9/file?fileId=2',
      '/api/console/files/17/download',
      '/api/console/catalogue/5/picture?fileId=3',
      '/api/console/orders/8/picture?fileId=3&disposition=inline',
      '/api/console/agreements/6/attachment?fileId=31&disposition=inline',
    ]);
    for (const [, init] of fetchMock.mock.calls) expect(new Headers((init as RequestInit).headers).get('Authorization')).toBe('Bearer jwt-1');
  });

  it('reads the unread conversation total and the home statistics of a side', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ total: 4 }), { status: 200 }));
    expect(await dataProvider.conversationsUnread()).toEqual({ total: 4 });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/console/conversations/unread');
    const statistics = { side: 'seller', today: { payments: 100, refunds: 0 }, month: { payments: 900, refunds: 50 }, trend: [] };
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(statistics), { status: 200 }));
    expect(await dataProvider.orderStatistics('seller')).toEqual(statistics);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/console/orders/statistics?side=seller');
  });

  it('posts collaboration verbs with their body (respond), and lists the favourites tab from resource-favourites', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ id: 5, responded: true }), { status: 200 }));
    await dataProvider.verb('received-opportunities', 5, 'respond', { message: '我们可以供货' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/console/received-opportunities/5/respond');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ message: '我们可以供货' });
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify([]), { status: 200, headers: { 'Content-Range': 'resource-favourites 0-0/0' } }),
    );
    await dataProvider.getList('resources/favourites', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: {},
    });
    expect(new URL(fetchMock.mock.calls[1][0] as string, 'http://x').pathname).toBe('/api/console/resource-favourites');
  });
});

describe('dataProvider: incentives, reports, ranking', () => {
  it('lists and exports an incentive page from incentive-records with its kind', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Range': 'incentive-records 0-0/0' } }),
    );
    await dataProvider.getList('incentives/bonus', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { kind: 'bonus', createdAt_gte: '2026-01-01' },
    });
    const url = new URL(fetchMock.mock.calls[0][0] as string, 'http://x');
    expect(url.pathname).toBe('/api/console/incentive-records');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ kind: 'bonus', createdAt_gte: '2026-01-01T00:00:00.000+08:00' });
    const exported = new URL(exportUrl('incentives/collaboration', { filter: { kind: 'collaboration', q: 'SO-1' }, sort: { field: 'createdAt', order: 'DESC' } }), 'http://x');
    expect(exported.pathname).toBe('/api/console/incentive-records/export');
    expect(JSON.parse(exported.searchParams.get('filter')!)).toEqual({ kind: 'collaboration', q: 'SO-1' });
    expect(JSON.parse(exported.searchParams.get('sort')!)).toEqual(['createdAt', 'DESC']);
  });

  it('reads the balances, the report, its workbook and the ranking with the bearer token', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ collaboration: 120, bonus: -5 }), { status: 200 }));
    expect(await dataProvider.incentiveBalances()).toEqual({ collaboration: 120, bonus: -5 });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/console/incentive-records/balances');

    const report = { query: { groupBy: 'day' }, rows: [], totals: { orders: 0, quantity: 0, amount: 0, refunded: 0, net: 0 } };
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(report), { status: 200 }));
    expect(await dataProvider.salesReport('groupBy=day&from=2026-01-01&to=2026-01-31')).toEqual(report);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/console/orders/report?groupBy=day&from=2026-01-01&to=2026-01-31');

    fetchMock.mockResolvedValueOnce(
      new Response(new Blob(['xlsx']), {
        status: 200,
        headers: { 'Content-Disposition': `attachment; filename="sales-day.xlsx"; filename*=UTF-8''${encodeURIComponent('销售报表-2026-01-01-2026-01-31.xlsx')}` },
      }),
    );
    const workbook = await dataProvider.exportSalesReport('groupBy=day&from=2026-01-01&to=2026-01-31');
    expect(workbook.filename).toBe('销售报表-2026-01-01-2026-01-31.xlsx');
    const [exportCall, init] = fetchMock.mock.calls[2] as [string, RequestInit];
    expect(exportCall).toBe('/api/console/orders/report-export?groupBy=day&from=2026-01-01&to=2026-01-31');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer jwt-1');

    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(report), { status: 200 }));
    await dataProvider.orderRanking('side=seller&sort=amount&from=2026-01-01&to=2026-01-07');
    expect(fetchMock.mock.calls[3][0]).toBe('/api/console/orders/ranking?side=seller&sort=amount&from=2026-01-01&to=2026-01-07');
  });

  it('surfaces a refused report with its field errors', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ message: '参数错误', code: 'VALIDATION', errors: { to: '日期范围不能超过 366 天' } }), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const refused = await dataProvider.salesReport('groupBy=day&from=2025-01-01&to=2026-06-01').catch((error) => error);
    expect(refused.status).toBe(400);
    expect(reportErrors(refused)).toEqual({ to: '日期范围不能超过 366 天' });
  });
});
