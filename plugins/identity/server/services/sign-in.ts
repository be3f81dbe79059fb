import { randomUUID } from 'crypto';
import type { Core } from '@strapi/types';
import { DomainError, errors, invalid, FieldErrors } from '@cop/config';
import { CAPTCHA, USER } from '../uids';

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
    if (!user || !user.password) throw wrongCredentials();

    const outcome = await strapi.db.transaction(async ({ trx }) => {
      // Lock the user row so concurrent attempts on several instances count every failure once.
      const current = await trx('up_users').where({ id: user.id }).forUpdate()
        .first('id', 'locked_until as lockedUntil', 'failed_logins as failedLogins', 'first_failed_at as firstFailedAt');
      const now = this.now();
      const lockedUntil = toDate(current.lockedUntil);
      if (lockedUntil && lockedUntil > now) return { kind: 'locked' as const, until: lockedUntil, now };
      const valid = await strapi.plugin('users-permissions').service('user').validatePassword(password, user.password);
      if (valid) {
        if (current.failedLogins || current.lockedUntil) {
          await strapi.db.query(USER).update({ where: { id: user.id }, data: { failedLogins: 0, firstFailedAt: null, lockedUntil: null } });
        }
        return { kind: 'ok' as const };
      }
      const firstFailedAt = toDate(current.firstFailedAt);
      const inWindow = firstFailedAt && now.getTime() - firstFailedAt.getTime() < FAILURE_WINDOW_MS;
      const failures = inWindow ? Number(current.failedLogins ?? 0) + 1 : 1;
      const lock = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
      await strapi.db.query(USER).update({
        where: { id: user.id },
        data: lock
          ? { failedLogins: 0, firstFailedAt: null, lockedUntil: lock }
          : { failedLogins: failures, firstFailedAt: inWindow ? firstFailedAt : now },
      });
      return lock ? { kind: 'locked' as const, until: lock, now } : { kind: 'wrong' as const, left: LOCK_AFTER_FAILURES - failures };
    });
    if (outcome.kind === 'locked') throw locked(outcome.until, outcome.now);
    if (outcome.kind === 'wrong') {
      throw new DomainError(401, 'INVALID_CREDENTIALS',
        t(`账号或密码错误，再错 ${outcome.left} 次将锁定 15 分钟`, `Wrong account name or password; ${outcome.left} more failures lock the account for 15 minutes`));
    }
    // principal.load refuses disabled users and enterprises with their own messages
    const principalService = strapi.plugin('identity').service('principal');
    const principal = await principalService.load(user.id);
    const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    return { jwt, user: await principalService.sessionUser(principal) };
  },
});

function captchaError(code: string, text: { zh: string; en: string }) {
  return new DomainError(400, code, text, { captchaCode: text });
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date;
}
