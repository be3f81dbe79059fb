import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider, fetchCaptcha, resetSessionCache } from '../auth/authProvider';
import { i18nProvider } from '../i18n';

const user = {
  id: 7,
  username: 'sup-admin',
  email: 'a@example.com',
  displayName: '张三',
  isEnterpriseAdmin: true,
  enterprise: { id: 3, name: '示例供货公司', kind: 'supplier' },
  permissions: ['accounts.read', 'accounts.write', 'products.read'],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;
const call = (i: number) => {
  const [url, init] = fetchMock.mock.calls[i] as [string, RequestInit & { headers: Headers }];
  return { url, init, headers: new Headers(init.headers) };
};

beforeEach(() => {
  localStorage.clear();
  resetSessionCache();
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await i18nProvider.changeLocale('zh');
});

describe('authProvider.login', () => {
  it('posts the credentials with the captcha fields and stores the session', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { jwt: 'token-123', user }));
    await authProvider.login({ identifier: 'sup-admin', password: 'secret123', captchaId: 'cap-1', captchaCode: 'x7k2' });

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init, headers } = call(0);
    expect(url).toBe('/api/auth/local');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({
      identifier: 'sup-admin',
      password: 'secret123',
      captchaId: 'cap-1',
      captchaCode: 'x7k2',
    });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Accept-Language')).toBe('zh-CN');
    expect(headers.has('Authorization')).toBe(false);

    expect(localStorage.getItem('cop.jwt')).toBe('token-123');
    expect(JSON.parse(localStorage.getItem('cop.user')!)).toEqual(user);
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.getIdentity!()).resolves.toMatchObject({ id: 7, fullName: '张三' });
    await expect(authProvider.getPermissions!({})).resolves.toEqual({
      kind: 'supplier',
      permissions: user.permissions,
      isEnterpriseAdmin: true,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1); // the login response is the session, no extra round trip
  });

  it('rejects with the server message and stores nothing when the captcha is wrong', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, { message: '验证码错误', code: 'CAPTCHA_INVALID', errors: { captchaCode: '验证码错误' } }),
    );
    const attempt = authProvider.login({ identifier: 'u', password: 'p', captchaId: 'c', captchaCode: '0000' });
    await expect(attempt).rejects.toMatchObject({
      message: '验证码错误',
      status: 400,
      body: { errors: { captchaCode: '验证码错误' } },
    });
    expect(localStorage.getItem('cop.jwt')).toBeNull();
    await expect(authProvider.checkAuth({})).rejects.toBeDefined();
  });

  it('sends Accept-Language en when the UI is in English', async () => {
    await i18nProvider.changeLocale('en');
    fetchMock.mockResolvedValueOnce(json(200, { captchaId: 'c9', svg: '<svg/>' }));
    await expect(fetchCaptcha()).resolves.toEqual({ captchaId: 'c9', svg: '<svg/>' });
    expect(call(0).url).toBe('/api/auth/captcha');
    expect(call(0).headers.get('Accept-Language')).toBe('en');
  });
});

describe('authProvider session', () => {
  it('falls back to the displayName-less username and checks the session with the bearer token', async () => {
    localStorage.setItem('cop.jwt', 'jwt-9');
    localStorage.setItem('cop.user', JSON.stringify(user));
    fetchMock.mockResolvedValueOnce(json(200, { ...user, displayName: null, permissions: ['employees.read'] }));

    await expect(authProvider.getIdentity!()).resolves.toMatchObject({ fullName: 'sup-admin' });
    const { url, headers } = call(0);
    expect(url).toBe('/api/console/session');
    expect(headers.get('Authorization')).toBe('Bearer jwt-9');
    await expect(authProvider.canAccess!({ resource: 'employees', action: 'list' } as any)).resolves.toBe(true);
    await expect(authProvider.canAccess!({ resource: 'accounts', action: 'list' } as any)).resolves.toBe(false);
    await expect(authProvider.canAccess!({ resource: 'notifications', action: 'list' } as any)).resolves.toBe(true);
  });

  it('logs out when the session endpoint says 401', async () => {
    localStorage.setItem('cop.jwt', 'expired');
    localStorage.setItem('cop.user', JSON.stringify(user));
    fetchMock.mockResolvedValueOnce(json(401, { message: '登录已过期' }));
    await expect(authProvider.getPermissions!({})).rejects.toMatchObject({ status: 401 });
    expect(localStorage.getItem('cop.jwt')).toBeNull();
  });

  it('checkError logs out on 401 but not on 403', async () => {
    localStorage.setItem('cop.jwt', 'jwt');
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(localStorage.getItem('cop.jwt')).toBe('jwt');
    await expect(authProvider.checkError({ status: 401 })).rejects.toBeDefined();
    expect(localStorage.getItem('cop.jwt')).toBeNull();
  });

  it('logout revokes the token on the server and clears the session', async () => {
    localStorage.setItem('cop.jwt', 'jwt');
    localStorage.setItem('cop.user', JSON.stringify(user));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await authProvider.logout({});
    expect(call(0).url).toBe('/api/auth/logout');
    expect(call(0).init.method).toBe('POST');
    expect(call(0).headers.get('Authorization')).toBe('Bearer jwt');
    expect(localStorage.getItem('cop.jwt')).toBeNull();
    expect(localStorage.getItem('cop.user')).toBeNull();
    await expect(authProvider.checkAuth({})).rejects.toBeDefined();
  });

  it('logout still signs out here when the server cannot be reached', async () => {
    localStorage.setItem('cop.jwt', 'jwt');
    fetchMock.mockRejectedValueOnce(new TypeError('network down'));
    await authProvider.logout({});
    expect(localStorage.getItem('cop.jwt')).toBeNull();
  });
});
