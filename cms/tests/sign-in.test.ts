import { startApp, TestApp } from './helpers/app';
import { BYPASS } from './helpers/app';
import { as, PASSWORD, signIn as signInAs, tenant, Tenant } from './helpers/fixtures';

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

  it('shows a locked sub-account in the list, and 解锁 lets it sign in at once (issue 13 item 10)', async () => {
    const owner = await tenant(app, 'seller', 'unlock_owner');
    const role = await as(app, owner.token).post('/roles', { name: '员工查看', permissions: ['employees.read'] });
    const sub = (await as(app, owner.token).post('/accounts', { username: 'unlock_sub', email: 'unlock_sub@test.local', password: 'Secret123x', roleIds: [role.body.id] })).body;
    const attempt = async (password: string) => {
      const { captchaId, code } = await captcha();
      return signIn({ identifier: 'unlock_sub', password, captchaId, captchaCode: code });
    };
    for (let i = 1; i <= 5; i += 1) await attempt('wrong-password1');
    expect((await attempt('Secret123x')).status).toBe(429);
    const now = new Date().toISOString();
    const locked = await as(app, owner.token).list('accounts', { filter: { lockedUntil_gt: now } });
    expect(locked.body.map((a: any) => [a.username, a.locked])).toEqual([['unlock_sub', true]]);
    expect(new Date(locked.body[0].lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const all = await as(app, owner.token).list('accounts');
    expect(all.body.find((a: any) => a.username === 'unlock_owner')).toMatchObject({ locked: false, lockedUntil: null });
    // the enterprise admin unlocks (a user without accounts.write may not: below)
    const unlocked = await as(app, owner.token).post(`/accounts/${sub.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ id: sub.id, locked: false, lockedUntil: null });
    expect(await app.strapi.db.query(USER).findOne({ where: { id: sub.id }, select: ['failedLogins', 'lockedUntil'] }))
      .toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect((await as(app, owner.token).list('accounts', { filter: { lockedUntil_gt: new Date().toISOString() } })).body).toEqual([]);
    expect((await attempt('Secret123x')).status).toBe(200);
    // the failures started over: one wrong password does not lock it again
    expect((await attempt('wrong-password1')).status).toBe(401);
    expect((await attempt('Secret123x')).status).toBe(200);
    const subToken = await signInAs(app, 'unlock_sub', 'Secret123x');
    expect((await as(app, subToken).post(`/accounts/${sub.id}/unlock`)).status).toBe(403);
    // nobody lifts their own account's lock, not even the enterprise admin (a stolen session could keep guessing)
    const own = (await as(app, owner.token).list('accounts')).body.find((a: any) => a.username === 'unlock_owner');
    const self = await as(app, owner.token).post(`/accounts/${own.id}/unlock`);
    expect(self.status).toBe(403);
    expect(self.body.errors).toHaveProperty('id');
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
    await app.strapi.db.query('plugin::identity.enterprise').update({ where: { id: disabled.enterpriseId }, data: { state: 'disabled' } });
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

describe('sign-in reveals no account names (issue 11, finding 9)', () => {
  it('answers an unknown account exactly like a wrong password, with no tries-left hint', async () => {
    await tenant(app, 'seller', 'known_one');
    for (const lang of ['zh-CN', 'en']) {
      const unknown = await signIn({ identifier: 'nobody_at_all', password: 'Wrong-pass1', captchaId: 'x', captchaCode: BYPASS }, lang);
      const wrong = await signIn({ identifier: 'known_one', password: 'Wrong-pass1', captchaId: 'x', captchaCode: BYPASS }, lang);
      expect(wrong.status).toBe(401);
      expect([unknown.status, unknown.body]).toEqual([wrong.status, wrong.body]);
      expect(wrong.body.message).not.toMatch(/\d/);
    }
  });
});

describe('sessions are revoked (issue 11, finding 10)', () => {
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const session = (token: string) => app.http.get('/api/console/session').set(bearer(token));
  const changePassword = (token: string, body: Record<string, unknown>) =>
    app.http.post('/api/auth/change-password').set(bearer(token)).set('Accept-Language', 'en').send(body);

  it('changes the password: a wrong current password is a 400 naming it; then old tokens stop working', async () => {
    const owner = await tenant(app, 'seller', 'changer');
    const wrong = await changePassword(owner.token, { currentPassword: 'not-mine-1', password: 'Another99x' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toHaveProperty('currentPassword');
    const weak = await changePassword(owner.token, { currentPassword: PASSWORD, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toHaveProperty('password');
    const ok = await changePassword(owner.token, { currentPassword: PASSWORD, password: 'Another99x', passwordConfirmation: 'Another99x' });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ username: 'changer', enterprise: { id: owner.enterpriseId } });
    expect((await session(owner.token)).status).toBe(401);
    expect((await session(ok.body.jwt)).status).toBe(200);
    expect(await signInAs(app, 'changer', 'Another99x')).toEqual(expect.any(String));
  });

  it('locks change-password like sign-in: five wrong current passwords lock the account', async () => {
    const owner = await tenant(app, 'seller', 'guesser');
    for (let i = 1; i <= 4; i += 1) {
      expect((await changePassword(owner.token, { currentPassword: `guess-no-${i}`, password: 'Another99x' })).status).toBe(400);
    }
    const fifth = await changePassword(owner.token, { currentPassword: 'guess-no-5', password: 'Another99x' });
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expect((await changePassword(owner.token, { currentPassword: PASSWORD, password: 'Another99x' })).status).toBe(429);
    await expect(signInAs(app, 'guesser')).rejects.toThrow(/429/);
  });

  it('revokes a sub-account\'s tokens when the admin resets its password or disables it', async () => {
    const owner = await tenant(app, 'seller', 'revoker');
    const make = async (username: string) => {
      const res = await as(app, owner.token).post('/accounts', { username, email: `${username}@test.local`, password: 'Secret123x' });
      return { id: res.body.id as number, token: await signInAs(app, username, 'Secret123x') };
    };
    const reset = await make('revoked_reset');
    expect((await session(reset.token)).status).toBe(200);
    expect((await as(app, owner.token).post(`/accounts/${reset.id}/reset-password`, { password: 'NewSecret9x' })).status).toBe(200);
    expect((await session(reset.token)).status).toBe(401);

    const disabled = await make('revoked_block');
    const record = (await as(app, owner.token).get(`/accounts/${disabled.id}`)).body;
    expect((await as(app, owner.token).put(`/accounts/${disabled.id}`, { ...record, blocked: true })).status).toBe(200);
    expect((await session(disabled.token)).status).toBe(401);
    // enabled again, the account signs in anew: the old token stays dead
    expect((await as(app, owner.token).put(`/accounts/${disabled.id}`, { ...record, blocked: false })).status).toBe(200);
    expect((await session(disabled.token)).status).toBe(401);
  });

  it('signs out: POST /api/auth/logout revokes the token (also on the stock users-permissions routes)', async () => {
    const owner = await tenant(app, 'seller', 'leaver');
    const other = await signInAs(app, 'leaver');
    expect((await session(owner.token)).status).toBe(200);
    expect((await app.http.get('/api/users/me').set(bearer(owner.token))).status).toBe(200);
    expect((await app.http.post('/api/auth/logout')).status).toBe(401);
    const out = await app.http.post('/api/auth/logout').set(bearer(owner.token));
    expect(out.status).toBe(204);
    expect((await session(owner.token)).status).toBe(401);
    expect((await session(other)).status).toBe(401);
    expect((await app.http.get('/api/users/me').set(bearer(owner.token))).status).toBe(401);
    expect((await app.http.post('/api/auth/logout').set(bearer(owner.token))).status).toBe(401);
    // signing in again works
    expect((await session(await signInAs(app, 'leaver'))).status).toBe(200);
  });

  it('documents change-password and logout in the OpenAPI document', async () => {
    const doc = (await app.http.get('/api/openapi.json')).body;
    expect(doc.paths['/auth/logout'].post.responses).toHaveProperty('204');
    const body = doc.paths['/auth/change-password'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['currentPassword', 'password']);
  });
});

describe('anonymous captchas are rate-limited per IP (issue 11, finding 10)', () => {
  it('answers 429 after 30 captchas in one minute, counted in the database', async () => {
    const service = app.strapi.plugin('identity').service('sign-in');
    const realNow = service.now;
    // a minute of its own, so the rest of the suite's captchas do not count
    service.now = () => new Date('2031-05-01T08:00:05Z');
    try {
      for (let i = 0; i < 30; i += 1) expect((await app.http.get('/api/auth/captcha')).status).toBe(200);
      const refused = await app.http.get('/api/auth/captcha').set('Accept-Language', 'en');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_CAPTCHAS');
      expect(refused.body.message).toMatch(/Too many captchas/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const slot = Math.floor(Date.parse('2031-05-01T08:00:05Z') / 60_000);
      const rows = await app.strapi.db.query('plugin::identity.rate-count').findMany({ where: { slot } });
      expect(rows).toHaveLength(1);
      expect(rows[0].hits).toBe(31);
      // the next minute starts afresh
      service.now = () => new Date('2031-05-01T08:01:05Z');
      expect((await app.http.get('/api/auth/captcha')).status).toBe(200);
    } finally {
      service.now = realNow;
    }
  });
});
