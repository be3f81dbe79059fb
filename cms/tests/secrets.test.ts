import jwt from 'jsonwebtoken';
import { randomBytes } from 'crypto';
import { startApp, TestApp } from './helpers/app';
import { as, tenant } from './helpers/fixtures';

/** Issue #11, finding 6: production refuses missing or development secrets; the JWT is signed with JWT_SECRET. */
const VARIABLES = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET'];
const DEV_JWT_SECRET = 'dev-only-jwt-secret';
const real = () => randomBytes(24).toString('base64');
const realSecrets = (): Record<string, string> => ({
  APP_KEYS: `${real()},${real()}`, ADMIN_JWT_SECRET: real(), API_TOKEN_SALT: real(), TRANSFER_TOKEN_SALT: real(),
  ENCRYPTION_KEY: real(), JWT_SECRET: real(),
});
// production: no captcha bypass (the server refuses it), no demo seed
const production = { NODE_ENV: 'production', CAPTCHA_BYPASS_CODE: '' };

// each test boots with its own environment; the next suites get the original one back
const original = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in original)) delete process.env[key];
  Object.assign(process.env, original);
});
const unsetSecrets = () => { for (const variable of VARIABLES) delete process.env[variable]; };

/** The error of a boot that must fail (startApp drops its throwaway database). */
async function bootError(env: Record<string, string>): Promise<string> {
  let app: TestApp | undefined;
  try {
    app = await startApp(env);
  } catch (error) {
    return (error as Error).message;
  }
  await app.close();
  throw new Error('the server started');
}

describe('NODE_ENV=production refuses missing or development secrets', () => {
  it('names every secret that is unset', async () => {
    unsetSecrets();
    const message = await bootError(production);
    for (const variable of VARIABLES) expect(message).toContain(variable);
  });

  it('names the one secret left at its dev default, empty, or with a dev key among the app keys', async () => {
    unsetSecrets();
    const cases: [Record<string, string>, string][] = [
      [{ JWT_SECRET: DEV_JWT_SECRET }, 'JWT_SECRET'],
      [{ ENCRYPTION_KEY: '' }, 'ENCRYPTION_KEY'],
      [{ APP_KEYS: `${real()},dev-only-key-b` }, 'APP_KEYS'],
    ];
    for (const [override, variable] of cases) {
      const message = await bootError({ ...production, ...realSecrets(), ...override });
      expect([variable, VARIABLES.filter((name) => new RegExp(`\\b${name}\\b`).test(message))]).toEqual([variable, [variable]]);
    }
  });

  it('starts with every secret set to a real value', async () => {
    unsetSecrets();
    const secrets = realSecrets();
    const app = await startApp({ ...production, ...secrets });
    try {
      expect(app.strapi.config.get('environment')).toBe('production');
      expect(app.strapi.config.get('plugin::users-permissions.jwtSecret')).toBe(secrets.JWT_SECRET);
      expect((await app.http.get('/_health')).status).toBe(204);
    } finally {
      await app.close();
    }
  });
});

describe('JWT_SECRET signs the console and mini-program tokens', () => {
  it('refuses a token signed with the dev default once JWT_SECRET is set', async () => {
    const secret = real();
    const app = await startApp({ JWT_SECRET: secret });
    try {
      const seller = await tenant(app, 'seller', 'secrets_seller');
      expect(jwt.verify(seller.token, secret)).toMatchObject({ id: seller.adminId });
      const employees = (token: string) => app.http.get('/api/console/employees').set('Authorization', `Bearer ${token}`);
      expect((await employees(jwt.sign({ id: seller.adminId }, secret))).status).toBe(200);
      expect((await employees(jwt.sign({ id: seller.adminId }, DEV_JWT_SECRET))).status).toBe(401);

      const employee = await as(app, seller.token).post('/employees', { employeeNo: 'S001', name: '小王', phone: '13700000001' });
      expect(employee.status).toBe(201);
      const catalogue = (token: string) => app.http.get('/api/mini/catalogue').set('Authorization', `Bearer ${token}`);
      const claims = { employeeId: employee.body.id, kind: 'employee' };
      expect((await catalogue(jwt.sign(claims, secret))).status).toBe(200);
      expect((await catalogue(jwt.sign(claims, DEV_JWT_SECRET))).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
