import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider, normalizeFilter } from '../dataProvider';

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
    const calls = fetchMock.mock.calls.map(([url, init]) => [url, (init as RequestInit).method, (init as RequestInit).body]);
    expect(calls).toEqual([
      ['/api/console/accounts/5/reset-password', 'POST', JSON.stringify({ password: 'abc12345' })],
      ['/api/console/notifications/9/read', 'POST', undefined],
      ['/api/console/notifications/read-all', 'POST', undefined],
    ]);
  });
});
