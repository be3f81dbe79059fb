import { randomUUID } from 'crypto';
import type { Core } from '@strapi/types';
import { DomainError, errors, invalid, FieldErrors } from '@cop/config';
import { CAPTCHA, RATE_COUNT, USER } from '../uids';
import { PASSWORD_RULE, PASSWORD_TEXT } from './accounts';

const t = errors.text;
const CAPTCHA_TTL_MS = 5 * 60 * 1000;
const LOCK_AFTER_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;

const wrongCredentials = () => new DomainError(401, 'INVALID_CREDENTIALS', t('账号或密码错误', 'Wrong account name or password'));
const locked = (until: Date, now: Date) => {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  return new DomainError(429, 'ACCOUNT_LOCKED',
    t(`连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, `Too many failed sign-ins: the account is locked, try again in ${minutes} min`),
    {}, { retryAfter });
};

/** The lock columns of a row that signs in (users, employees). */
export interface LockTarget {
  table: string;
  id: number;
  columns: { failed: string; first: string; until: string };
  /** the error of a wrong password (default: INVALID_CREDENTIALS) */
  wrong?: () => DomainError;
}
const USER_LOCK = { failed: 'failed_logins', first: 'first_failed_at', until: 'locked_until' };
const CAPTCHAS_PER_IP_PER_MINUTE = 30;
let dummyHash: Promise<string> | undefined;

/**
 * Sign-in with an image captcha. Captchas and failure counters live in the database, so every
 * server instance verifies the same captcha once and sees the same lock.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  now: () => new Date(),

  async createCaptcha(): Promise<{ captchaId: string; svg: string }> {
    const svgCaptcha = require('svg-captcha');
    const captcha = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1iIlL', color: true, background: '#f4f6f8' });
    const captchaId = randomUUID();
    const now = this.now();
    await strapi.db.query(CAPTCHA).create({
      data: { captchaId, code: String(captcha.text).toLowerCase(), expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS) },
    });
    return { captchaId, svg: captcha.data };
  },

  /** Captchas an hour past their expiry are of no use to anyone: delete them (idempotent). */
  async purgeCaptchas(now: Date): Promise<number> {
    const { count } = await strapi.db.query(CAPTCHA).deleteMany({ where: { expiresAt: { $lt: new Date(now.getTime() - 3600_000) } } });
    // the per-minute counters of the captcha limit are of no use after an hour either
    await strapi.db.query(RATE_COUNT).deleteMany({ where: { slot: { $lt: Math.floor(now.getTime() / 60_000) - 60 } } });
    return count;
  },

  /** Consumes the captcha (single use, even when the code is wrong) and checks the code. */
  async verifyCaptcha(captchaId: unknown, captchaCode: unknown): Promise<void> {
    const bypass = process.env.CAPTCHA_BYPASS_CODE;
    if (bypass && captchaCode === bypass) return;
    if (typeof captchaId !== 'string' || !captchaId || captchaId.length > 64) {
      throw invalid({ captchaId: t('缺少验证码编号，请刷新验证码', 'is missing: refresh the captcha') }, t('请刷新验证码', 'Please refresh the captcha'));
    }
    if (typeof captchaCode !== 'string' || !captchaCode.trim()) {
      throw invalid({ captchaCode: t('请输入验证码', 'is required') }, t('请输入验证码', 'Please enter the captcha'));
    }
    const now = this.now();
    const { count } = await strapi.db.query(CAPTCHA).updateMany({
      where: { captchaId, usedAt: { $null: true }, expiresAt: { $gt: now } },
      data: { usedAt: now },
    });
    const row = await strapi.db.query(CAPTCHA).findOne({ where: { captchaId } });
    if (!count) {
      if (!row) throw captchaError('CAPTCHA_UNKNOWN', t('验证码不存在，请刷新验证码', 'Unknown captcha: refresh it'));
      if (row.usedAt) throw captchaError('CAPTCHA_USED', t('验证码已使用，请刷新验证码', 'This captcha was already used: refresh it'));
      throw captchaError('CAPTCHA_EXPIRED', t('验证码已过期，请刷新验证码', 'The captcha has expired: refresh it'));
    }
    if (row.code !== captchaCode.trim().toLowerCase()) {
      throw captchaError('CAPTCHA_WRONG', t('验证码错误', 'Wrong captcha code'));
    }
  },

  /**
   * Counts one password attempt against a row's lock (users: the console; employees: the mini program).
   * The row is locked so concurrent attempts on several instances count every failure once; while it
   * is locked the password is not even checked.
   */
  async attempt(target: LockTarget, check: () => Promise<boolean>): Promise<'ok'> {
    const { table, id, columns } = target;
    const outcome = await strapi.db.transaction(async ({ trx }) => {
      const current = await trx(table).where({ id }).forUpdate()
        .first(`${columns.until} as lockedUntil`, `${columns.failed} as failedLogins`, `${columns.first} as firstFailedAt`);
      const now = this.now();
      const lockedUntil = toDate(current?.lockedUntil);
      if (lockedUntil && lockedUntil > now) return { kind: 'locked' as const, until: lockedUntil, now };
      if (await check()) {
        if (Number(current?.failedLogins ?? 0) || current?.lockedUntil || current?.firstFailedAt) {
          await trx(table).where({ id }).update({ [columns.failed]: 0, [columns.first]: null, [columns.until]: null });
        }
        return { kind: 'ok' as const };
      }
      const firstFailedAt = toDate(current?.firstFailedAt);
      const inWindow = firstFailedAt && now.getTime() - firstFailedAt.getTime() < FAILURE_WINDOW_MS;
      const failures = inWindow ? Number(current?.failedLogins ?? 0) + 1 : 1;
      const lock = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
      await trx(table).where({ id }).update(lock
        ? { [columns.failed]: 0, [columns.first]: null, [columns.until]: lock }
        : { [columns.failed]: failures, [columns.first]: inWindow ? firstFailedAt : now });
      return lock ? { kind: 'locked' as const, until: lock, now } : { kind: 'wrong' as const };
    });
    if (outcome.kind === 'locked') throw locked(outcome.until, outcome.now);
    if (outcome.kind === 'wrong') throw target.wrong?.() ?? wrongCredentials();
    return 'ok';
  },

  /**
   * Unknown accounts cost the same bcrypt comparison as known ones, so timing tells nothing about
   * which account names exist (the answer is the same INVALID_CREDENTIALS either way).
   */
  async burnDummyHash(password: string): Promise<void> {
    dummyHash ??= require('bcryptjs').hash('not-a-real-password-0', 10);
    await require('bcryptjs').compare(password, await dummyHash);
  },

  async signIn(body: unknown) {
    const input = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    const problems: FieldErrors = {};
    const { identifier, password } = input;
    if (typeof identifier !== 'string' || !identifier.trim() || identifier.length > 100) problems.identifier = t('请输入账号（不超过 100 个字符）', 'is required (at most 100 characters)');
    if (typeof password !== 'string' || !password || password.length > 128) problems.password = t('请输入密码（不超过 128 个字符）', 'is required (at most 128 characters)');
    if (Object.keys(problems).length) throw invalid(problems);
    await this.verifyCaptcha(input.captchaId, input.captchaCode);

    const name = (identifier as string).trim();
    const user = await strapi.db.query(USER).findOne({
      where: { provider: 'local', $or: [{ username: name }, { email: name.toLowerCase() }] },
    });
    if (!user || !user.password) {
      await this.burnDummyHash(password as string);
      throw wrongCredentials();
    }
    await this.attempt({ table: 'up_users', id: user.id, columns: USER_LOCK },
      () => strapi.plugin('users-permissions').service('user').validatePassword(password, user.password));
    // principal.load refuses disabled users and enterprises with their own messages
    const principalService = strapi.plugin('identity').service('principal');
    const principal = await principalService.load(user.id);
    const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id, tv: Number(user.tokenVersion ?? 0) });
    return { jwt, user: await principalService.sessionUser(principal) };
  },

  /**
   * POST /api/auth/change-password { currentPassword, password, passwordConfirmation? }: a wrong current
   * password counts toward the sign-in lock; success revokes every older token and returns a new one.
   */
  async changePassword(ctx: any, body: unknown) {
    const principalService = strapi.plugin('identity').service('principal');
    const principal = await principalService.fromContext(ctx);
    const input = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    const { currentPassword, password, passwordConfirmation } = input;
    const problems: FieldErrors = {};
    if (typeof currentPassword !== 'string' || !currentPassword || currentPassword.length > 128) {
      problems.currentPassword = t('请输入当前密码', 'is required');
    }
    if (typeof password !== 'string' || !PASSWORD_RULE.test(password)) problems.password = PASSWORD_TEXT;
    else if (password === currentPassword) problems.password = t('新密码不能与当前密码相同', 'must differ from the current password');
    if (passwordConfirmation !== undefined && passwordConfirmation !== password) {
      problems.passwordConfirmation = t('两次输入的密码不一致', 'does not match the new password');
    }
    if (Object.keys(problems).length) throw invalid(problems);
    const user = await strapi.db.query(USER).findOne({ where: { id: principal.userId }, select: ['id', 'password'] });
    if (!user?.password) throw errors.unauthenticated();
    const wrong = () => invalid({ currentPassword: t('当前密码不正确', 'is not your current password') },
      t('当前密码不正确', 'The current password is wrong'));
    await this.attempt({ table: 'up_users', id: user.id, columns: USER_LOCK, wrong },
      () => strapi.plugin('users-permissions').service('user').validatePassword(currentPassword, user.password));
    await strapi.plugin('users-permissions').service('user').edit(user.id, { password });
    await principalService.revokeTokens(user.id);
    return { jwt: await principalService.issueToken(user.id), user: await principalService.sessionUser(principal) };
  },

  /** POST /api/auth/logout: every token of the signed-in user stops working. */
  async signOut(ctx: any): Promise<void> {
    const principalService = strapi.plugin('identity').service('principal');
    const principal = await principalService.fromContext(ctx);
    await principalService.revokeTokens(principal.userId);
  },

  /**
   * Anonymous captchas are limited per IP and minute (each one writes a row). The counter is one
   * upserted row per (IP, minute) in the database, so every instance counts the same calls.
   */
  async limitCaptchas(ip: string): Promise<void> {
    const now = this.now();
    const slot = Math.floor(now.getTime() / 60_000);
    const scope = `captcha:${String(ip || 'unknown').slice(0, 80)}`;
    const hits = await strapi.db.transaction(async ({ trx }) => {
      await trx('rate_counts').insert({ scope, slot, hits: 1 })
        .onConflict(['scope', 'slot']).merge({ hits: trx.raw('?? + 1', ['rate_counts.hits']) });
      const row = await trx('rate_counts').where({ scope, slot }).first('hits');
      return Number(row?.hits ?? 1);
    });
    if (hits > this.captchasPerMinute) {
      const retryAfter = Math.max(1, 60 - Math.floor((now.getTime() % 60_000) / 1000));
      throw new DomainError(429, 'TOO_MANY_CAPTCHAS',
        t(`获取验证码过于频繁，请 ${retryAfter} 秒后再试`, `Too many captchas requested: try again in ${retryAfter} s`), {}, { retryAfter });
    }
  },

  captchasPerMinute: CAPTCHAS_PER_IP_PER_MINUTE,
});

function captchaError(code: string, text: { zh: string; en: string }) {
  return new DomainError(400, code, text, { captchaCode: text });
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date;
}
