import { startApp, TestApp } from './helpers/app';
import { PASSWORD, tenant, Tenant } from './helpers/fixtures';

let app: TestApp;
let seller: Tenant;
beforeAll(async () => {
  app = await startApp();
  seller = await tenant(app, 'seller', 'signin_seller');
});
afterAll(async () => { await app?.close(); });

const CAPTCHA = 'plugin::identity.captcha';
const USER = 'plugin::users-permissions.user';

async function captcha() {
  const res = await app.http.get('/api/auth/captcha');
  expect(res.status).toBe(200);
  const row = await app.strapi.db.query(CAPTCHA).findOne({ where: { captchaId: res.body.captchaId } });
  return { captchaId: res.body.captchaId as string, svg: res.body.svg as string, code: row.code as string };
}

const signIn = (body: Record<string, unknown>, lang = 'zh-CN') => app.http.post('/api/auth/local').set('Accept-Language', lang).send(body);

describe('sign-in with captcha (F01)', () => {
  it('serves an SVG captcha stored for any instance to verify', async () => {
    const { captchaId, svg, code } = await captcha();
    expect(captchaId).toMatch(/^[0-9a-f-]{36}$/);
    expect(svg).toMatch(/^<svg/);
    expect(code).toHaveLength(4);
  });

  it('signs in with a correct captcha and returns the jwt, enterprise and permissions', async () => {
    const { captchaId, code } = await captcha();
    const res = await signIn({ identifier: 'signin_seller', password: PASSWORD, captchaId, captchaCode: code.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.jwt).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ username: 'signin_seller', isEnterpriseAdmin: true, enterprise: { id: seller.enterpriseId, kind: 'seller' } });
    expect(res.body.user.permissions).toContain('orders.place');
    expect(res.body.user.permissions).not.toContain('products.write');
    expect(res.body.user.password).toBeUndefined();
    const session = await app.http.get('/api/console/session').set('Authorization', `Bearer ${res.body.jwt}`);
    expect(session.status).toBe(200);
    expect(session.body.username).toBe('signin_seller');
  });

  it('refuses a wrong captcha, then the same captcha again (single use)', async () => {
    const { captchaId, code } = await captcha();
    const wrong = await signIn({ identifier: 'signin_seller', password: PASSWORD, captchaId, captchaCode: code === 'abcd' ? 'abce' : 'abcd' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'CAPTCHA_WRONG', message: '验证码错误', errors: { captchaCode: '验证码错误' } });
    const reused = await signIn({ identifier: 'signin_seller', password: PASSWORD, captchaId, captchaCode: code }, 'en');
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ code: 'CAPTCHA_USED', message: 'This captcha was already used: refresh it' });
  });

  it('refuses an expired captcha', async () => {
    const { captchaId, code } = await captcha();
    await app.strapi.db.query(CAPTCHA).update({ where: { captchaId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await signIn({ identifier: 'signin_seller', password: PASSWORD, captchaId, captchaCode: code });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CAPTCHA_EXPIRED');
  });

  it('names the missing fields', async () => {
    const res = await signIn({ identifier: '', password: PASSWORD });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['identifier']);
    const noCaptcha = await signIn({ identifier: 'signin_seller', password: PASSWORD }, 'en');
    expect(noCaptcha.status).toBe(400);
    expect(noCaptcha.body.errors).toHaveProperty('captchaId');
  });

  it('locks an account for 15 minutes after five wrong passwords, on every attempt after', async () => {
    await tenant(app, 'seller', 'lockme');
    const attempt = async (password: string) => {
      const { captchaId, code } = await captcha();
      return signIn({ identifier: 'lockme', password, captchaId, captchaCode: code });
    };
    for (let i = 1; i <= 4; i += 1) {
      const res = await attempt('wrong-password1');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await attempt('wrong-password1');
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);
    const correctButLocked = await attempt(PASSWORD);
    expect(correctButLocked.status).toBe(429);
    // the lock lives in the database: once it has passed, the right password works again
    await app.strapi.db.query(USER).update({ where: { username: 'lockme' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('counts failures only within 15 minutes', async () => {
    await tenant(app, 'seller', 'slowfail');
    const attempt = async (password: string) => {
      const { captchaId, code } = await captcha();
      return signIn({ identifier: 'slowfail', password, captchaId, captchaCode: code });
    };
    for (let i = 0; i < 4; i += 1) expect((await attempt('nope-nope1')).status).toBe(401);
    await app.strapi.db.query(USER).update({ where: { username: 'slowfail' }, data: { firstFailedAt: new Date(Date.now() - 16 * 60 * 1000) } });
    expect((await attempt('nope-nope1')).status).toBe(401);
  });

  it('refuses a disabled account and a disabled enterprise, each with its own message', async () => {
    const blocked = await tenant(app, 'seller', 'blockeduser');
    await app.strapi.db.query(USER).update({ where: { id: blocked.adminId }, data: { blocked: true } });
    let { captchaId, code } = await captcha();
    let res = await signIn({ identifier: 'blockeduser', password: PASSWORD, captchaId, captchaCode: code });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '账号已被停用' });

    const disabled = await tenant(app, 'supplier', 'disabledent');
    await app.strapi.db.query('plugin::identity.enterprise').update({ where: { id: disabled.enterpriseId }, data: { status: 'disabled' } });
    ({ captchaId, code } = await captcha());
    res = await signIn({ identifier: 'disabledent', password: PASSWORD, captchaId, captchaCode: code }, 'en');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'ENTERPRISE_DISABLED', message: "This account's enterprise has been disabled" });
    // a token issued before the enterprise was disabled stops working too
    const me = await app.http.get('/api/console/enterprises').set('Authorization', `Bearer ${disabled.token}`);
    expect(me.status).toBe(401);
  });

  it('refuses an unknown account like a wrong password', async () => {
    const { captchaId, code } = await captcha();
    const res = await signIn({ identifier: 'nobody', password: PASSWORD, captchaId, captchaCode: code });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });
});
