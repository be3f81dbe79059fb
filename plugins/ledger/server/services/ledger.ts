import type { Core } from '@strapi/types';
import { createHash, randomUUID } from 'crypto';
import { DomainError, errors, FieldErrors, idempotencyKeyReused, invalid, isDay, shanghaiDay } from '@cop/config';
import { cleanText, insertRows } from '@cop/plugin-console';

export const ACCOUNT = 'plugin::ledger.account';
export const TRANSFER = 'plugin::ledger.transfer';
export const ACCOUNT_CHANGE = 'plugin::ledger.account-change';
export const MAX_AMOUNT = 1_000_000_000_000; // 10^12 fen
const t = errors.text;

export type AccountKind = 'prepaid' | 'credit' | 'cash' | 'revenue';
export type TransferKind = 'topup' | 'freeze' | 'capture' | 'release' | 'refund' | 'repayment' | 'adjustment' | 'limit';
export interface Account {
  id: number; kind: AccountKind; supplierId: number; sellerId: number; state: 'enabled' | 'disabled';
  creditLimit: number; validFrom: string | null; validTo: string | null;
  debitsPending: number; debitsPosted: number; creditsPending: number; creditsPosted: number;
}
/** Who made a manual adjustment and why (the reason becomes the transfer's note, shown in the statements). */
export interface AdjustmentOptions {
  reason: unknown;
  /** The Strapi admin-panel user (admin::user id), kept as the transfer's reference `admin:<id>`. */
  operatorAdminId?: number | null;
  /** A retry key (the admin's Idempotency-Key header): the same key and body return the first transfer. */
  idempotencyKey?: string;
  now?: Date;
}
export const ADJUSTMENT_REASON_MAX = 200;

/** What a caller that has just read them already knows about a freeze, so the ledger need not ask again. */
export interface FreezeOptions {
  /** The transfer id is new (made from a row created in this transaction): no replay lookup. */
  fresh?: boolean;
  /** The pair's revenue account (checked against the locked rows). */
  revenueId?: number;
}

export interface TransferOptions {
  transferId: string; orderRef?: string | null; reference?: string | null; note?: string | null; operatorId?: number | null; now?: Date;
  /** Who acted when no user did: a job or a system action (`job:orders.close-expired`, `partnership:stop`). */
  operatorLabel?: string | null;
  /** The id comes from a client's Idempotency-Key: a reuse with a different body is a 422 naming that header. */
  fromIdempotencyKey?: boolean;
}

/**
 * The transfer id of a client's posting (top-up, repayment), made by the server: the verb, the caller's
 * enterprise and a digest of its Idempotency-Key, so another tenant's same key is another transfer
 * and no client can write into another namespace (orders' `order:<number>:…`); without a key, a
 * random one (every request is new).
 */
export function clientTransferId(verb: 'topup' | 'repay', enterpriseId: number, idempotencyKey?: string): string {
  const tail = idempotencyKey ? createHash('sha256').update(idempotencyKey).digest('base64url') : `n${randomUUID()}`;
  return `${verb}:e${enterpriseId}:${tail}`;
}

const DAY_MS = 86_400_000;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const COUNTERS = ['debitsPending', 'debitsPosted', 'creditsPending', 'creditsPosted'] as const;
const COLUMNS: Record<string, string> = { debitsPending: 'debits_pending', debitsPosted: 'debits_posted', creditsPending: 'credits_pending', creditsPosted: 'credits_posted' };

function toAccount(row: any): Account {
  return {
    id: row.id, kind: row.kind, supplierId: row.supplier_id ?? row.supplierId, sellerId: row.seller_id ?? row.sellerId, state: row.state,
    creditLimit: num(row.credit_limit ?? row.creditLimit), validFrom: row.valid_from ?? row.validFrom ?? null, validTo: row.valid_to ?? row.validTo ?? null,
    debitsPending: num(row.debits_pending ?? row.debitsPending), debitsPosted: num(row.debits_posted ?? row.debitsPosted),
    creditsPending: num(row.credits_pending ?? row.creditsPending), creditsPosted: num(row.credits_posted ?? row.creditsPosted),
  };
}

/** The figures the manual shows, derived from the four counters. */
export function figures(account: Account) {
  if (account.kind === 'credit') {
    const used = account.debitsPosted + account.debitsPending - account.creditsPosted;
    return { creditLimit: account.creditLimit, available: account.creditLimit - used, unpaid: account.debitsPosted - account.creditsPosted, frozen: account.debitsPending };
  }
  return { available: account.creditsPosted - account.debitsPosted - account.debitsPending, frozen: account.debitsPending, balance: account.creditsPosted - account.debitsPosted };
}

export function checkAmount(amount: unknown, field = 'amount'): number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw invalid({ [field]: t('金额应为整数（分）', 'must be a whole number of fen') });
  if (amount <= 0) throw invalid({ [field]: t('金额必须大于 0', 'must be greater than 0') });
  if (amount > MAX_AMOUNT) throw invalid({ [field]: t('金额不能超过 10^12 分', 'must be at most 10^12 fen') });
  return amount;
}

function checkTransferId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9:_./-]{1,100}$/.test(id)) throw invalid({ transferId: t('应为 1–100 位字母、数字或 :_./-', 'must be 1–100 letters, digits or :_./-') });
  return id;
}

/**
 * The ledger, after TigerBeetle: accounts keep pending and posted debits and credits; transfers are
 * immutable, carry a caller-supplied unique id (a retry returns the first result and writes nothing),
 * and a pending transfer (a freeze) is posted (captured, fully or partly) or voided (released) exactly
 * once. Every operation locks the two accounts in id order inside the caller's transaction, checks the
 * bounds (prepaid available ≥ 0, credit used ≤ limit) and updates the cached counters with the transfer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  figures,

  async account(id: number): Promise<Account | null> {
    const row = await strapi.db.query(ACCOUNT).findOne({ where: { id } });
    return row ? toAccount(row) : null;
  },

  /**
   * The control account on the supplier's side of one supplier–seller pair (cash: where top-ups and
   * repayments come from; revenue: where payments go). One per pair rather than per supplier, so that
   * payments of different sellers never wait for each other's row lock; a supplier's totals are sums.
   */
  async control(supplierId: number, sellerId: number, kind: 'cash' | 'revenue'): Promise<number> {
    const existing = await strapi.db.query(ACCOUNT).findOne({ where: { supplierId, sellerId, kind }, select: ['id'] });
    if (existing) return existing.id;
    return (await strapi.db.query(ACCOUNT).create({ data: { kind, supplierId, sellerId, state: 'enabled' } })).id;
  },

  /** Open a prepaid or credit account for a partner seller (disabled until the supplier enables it). */
  async open(supplierId: number, sellerId: number, kind: 'prepaid' | 'credit', operatorId?: number) {
    if (!(await strapi.plugin('identity').service('partnerships').isActive(supplierId, sellerId))) {
      throw invalid({ sellerId: t('不是处于合作中的销售方', 'is not an active partner') });
    }
    if (await strapi.db.query(ACCOUNT).findOne({ where: { supplierId, sellerId, kind }, select: ['id'] })) {
      throw invalid({ sellerId: t('该销售方已有此类账户', 'already has an account of this kind') });
    }
    await this.control(supplierId, sellerId, 'cash');
    await this.control(supplierId, sellerId, 'revenue');
    const row = await strapi.db.query(ACCOUNT).create({ data: { kind, supplierId, sellerId, state: 'disabled', creditLimit: 0 } });
    await this.recordChange(row.id, 'open', null, { kind }, operatorId);
    return row;
  },

  async setStatus(accountId: number, status: 'enabled' | 'disabled', operatorId?: number) {
    const before = await this.account(accountId);
    if (!before) throw errors.notFound('account', accountId);
    if (before.state === status) return before;
    await strapi.db.query(ACCOUNT).update({ where: { id: accountId }, data: { state: status } });
    await this.recordChange(accountId, status === 'enabled' ? 'enable' : 'disable', { status: before.state }, { status }, operatorId);
    return this.account(accountId);
  },

  /** Credit limit and validity; a limit below what is already used is refused. Each change is recorded. */
  async setCreditLimit(accountId: number, input: { creditLimit: unknown; validFrom?: unknown; validTo?: unknown; note?: string }, operatorId?: number) {
    return strapi.db.transaction(async ({ trx }) => {
      const row = await trx('ledger_accounts').where({ id: accountId }).forUpdate().first();
      if (!row || row.kind !== 'credit') throw errors.notFound('credit account', accountId);
      const account = toAccount(row);
      const problems: FieldErrors = {};
      const limit = input.creditLimit;
      if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0 || limit > MAX_AMOUNT) problems.creditLimit = t('额度应为 0 到 10^12 之间的整数（分）', 'must be a whole number of fen from 0 to 10^12');
      if (input.validFrom != null && !isDay(input.validFrom)) problems.validFrom = t('应为有效日期（YYYY-MM-DD）', 'must be a real date (YYYY-MM-DD)');
      if (input.validTo != null && !isDay(input.validTo)) problems.validTo = t('应为有效日期（YYYY-MM-DD）', 'must be a real date (YYYY-MM-DD)');
      if (!problems.validFrom && !problems.validTo && input.validFrom && input.validTo && (input.validTo as string) < (input.validFrom as string)) problems.validTo = t('结束日期不能早于开始日期', 'must not be before validFrom');
      const used = account.debitsPosted + account.debitsPending - account.creditsPosted;
      if (!problems.creditLimit && (limit as number) < used) problems.creditLimit = t(`不能低于已用额度 ${(used / 100).toFixed(2)} 元`, `cannot be below the used ${(used / 100).toFixed(2)} yuan`);
      if (Object.keys(problems).length) throw invalid(problems);
      const after = { creditLimit: limit, validFrom: (input.validFrom as string) ?? null, validTo: (input.validTo as string) ?? null };
      await trx('ledger_accounts').where({ id: accountId }).update({ credit_limit: limit, valid_from: after.validFrom, valid_to: after.validTo, updated_at: new Date() });
      await this.recordChange(accountId, 'limit', { creditLimit: account.creditLimit, validFrom: account.validFrom, validTo: account.validTo }, after, operatorId, input.note);
      const changed = { ...account, ...after, creditLimit: limit as number };
      await this.statementLine(changed, describeLimit(account, after, input.note), operatorId);
      return this.account(accountId);
    });
  },

  /**
   * A credit-limit or validity change as a line of the statement (交易流水): a `limit` transfer of 0 fen
   * from the account to itself. It moves no counter, so `check()` (which sums amounts) recomputes every
   * account exactly as before, and Σ debits = Σ credits still holds; the figures after the change
   * (available credit moves with the limit) are on the line.
   */
  async statementLine(account: Account, note: string, operatorId?: number) {
    const after = figures(account);
    return strapi.db.query(TRANSFER).create({ data: {
      transferId: `limit:a${account.id}:${randomUUID()}`, debitAccountId: account.id, creditAccountId: account.id, amount: 0,
      flag: 'plain', kind: 'limit', direction: 'in', accountId: account.id, supplierId: account.supplierId, sellerId: account.sellerId,
      availableAfter: after.available, frozenAfter: after.frozen, note, operatorId: operatorId ?? null,
    } });
  },

  recordChange(accountId: number, action: string, before: unknown, after: unknown, operatorId?: number, note?: string) {
    return strapi.db.query(ACCOUNT_CHANGE).create({ data: { accountId, action, before, after, operatorId: operatorId ?? null, note: note ?? null } });
  },

  // ---- transfers -------------------------------------------------------------------------------------

  /** A transfer with this id already written? Same request: return it (a retry). Different: refuse. */
  async replay(transferId: string, expect: Record<string, unknown>, fromIdempotencyKey = false) {
    return this.replayOf(await strapi.db.query(TRANSFER).findOne({ where: { transferId } }), expect, fromIdempotencyKey);
  },

  /** `replay` on a row already read (null: nothing to replay). */
  replayOf(existing: any, expect: Record<string, unknown>, fromIdempotencyKey = false) {
    if (!existing) return null;
    for (const [key, value] of Object.entries(expect)) {
      if (value !== undefined && String(existing[key] ?? '') !== String(value ?? '')) {
        if (fromIdempotencyKey) throw idempotencyKeyReused();
        throw new DomainError(409, 'TRANSFER_ID_REUSED', t('交易编号已用于另一笔交易', 'This transfer id was already used for a different transfer'), { transferId: t('已被使用', 'is already used') });
      }
    }
    return existing;
  },

  /** Lock the customer account and its control account in id order; return both, fresh. */
  async lock(trx: any, ids: number[]) {
    const rows = await trx('ledger_accounts').whereIn('id', ids).orderBy('id').forUpdate().select('*');
    return new Map<number, Account>((rows as any[]).map((row) => [row.id, toAccount(row)]));
  },

  assertUsable(account: Account, now: Date, forSpending: boolean) {
    if (account.state !== 'enabled') throw new DomainError(409, 'ACCOUNT_DISABLED', t('账户未启用', 'The account is not enabled'), { accountId: t('账户未启用', 'is not enabled') });
    if (forSpending && account.kind === 'credit') {
      const today = shanghaiDay(now);
      if ((account.validFrom && today < account.validFrom) || (account.validTo && today > account.validTo)) {
        throw new DomainError(409, 'ACCOUNT_EXPIRED', t('赊销账户不在有效期内', 'The credit account is outside its validity period'), { accountId: t('不在有效期内', 'is outside its validity period') });
      }
    }
  },

  /**
   * Write counters and the transfer row. `deltas` per account id: counter → change. Two statements:
   * one UPDATE of the locked accounts (each counter a CASE over the account ids) and the transfer's
   * INSERT … RETURNING (no re-read).
   */
  async write(trx: any, accounts: Map<number, Account>, deltas: Record<number, Partial<Record<(typeof COUNTERS)[number], number>>>, transfer: Record<string, unknown>, customerId: number) {
    const now = new Date();
    const ids = Object.keys(deltas).map(Number).sort((a, b) => a - b);
    const update: Record<string, unknown> = { updated_at: now };
    for (const counter of COUNTERS) {
      const changed = ids.filter((id) => deltas[id][counter] !== undefined);
      if (!changed.length) continue;
      for (const id of changed) (accounts.get(id) as any)[counter] += deltas[id][counter] as number;
      const column = COLUMNS[counter];
      update[column] = changed.length === 1 && ids.length === 1
        ? (accounts.get(ids[0]) as any)[counter]
        : trx.raw(`CASE ${changed.map(() => 'WHEN id = ? THEN ?').join(' ')} ELSE ${column} END`, changed.flatMap((id) => [id, (accounts.get(id) as any)[counter]]));
    }
    await trx('ledger_accounts').whereIn('id', ids).update(update);
    const customer = accounts.get(customerId)!;
    const after = figures(customer);
    const [row] = await insertRows(strapi, trx, TRANSFER, [{
      ...transfer, accountId: customerId, supplierId: customer.supplierId, sellerId: customer.sellerId,
      availableAfter: after.available, frozenAfter: after.frozen,
    }], now);
    return row;
  },

  /** Bounds of a customer account after its counters changed. */
  assertBounds(account: Account) {
    const f = figures(account);
    if (f.available < 0) {
      throw new DomainError(409, 'INSUFFICIENT_FUNDS', account.kind === 'credit'
        ? t(`赊销可用额度不足（可用 ${((f.available + 0) / 100).toFixed(2)} 元）`, 'Not enough available credit')
        : t('预付款账户可用余额不足', 'Not enough available prepaid balance'), { amount: t('超过可用金额', 'exceeds the available amount') });
    }
  },

  async topUp(accountId: number, amount: unknown, options: TransferOptions) {
    const value = checkAmount(amount);
    const transferId = checkTransferId(options.transferId);
    return strapi.db.transaction(async ({ trx }) => {
      const expect = { kind: 'topup', accountId, amount: value, reference: options.reference ?? null, note: options.note ?? null };
      const replayed = await this.replay(transferId, expect, options.fromIdempotencyKey);
      if (replayed) return replayed;
      const account = await this.account(accountId);
      if (!account || account.kind !== 'prepaid') throw errors.notFound('prepaid account', accountId);
      const cash = await this.control(account.supplierId, account.sellerId, 'cash');
      const accounts = await this.lock(trx, [accountId, cash]);
      // a concurrent request with the same id committed while we waited for the lock: replay it
      const raced = await this.replay(transferId, expect, options.fromIdempotencyKey);
      if (raced) return raced;
      this.assertUsable(accounts.get(accountId)!, options.now ?? new Date(), false);
      return this.write(trx, accounts, { [cash]: { debitsPosted: value }, [accountId]: { creditsPosted: value } },
        { transferId, debitAccountId: cash, creditAccountId: accountId, amount: value, flag: 'plain', kind: 'topup', direction: 'in', ...meta(options) }, accountId);
    });
  },

  async repay(accountId: number, amount: unknown, options: TransferOptions) {
    const value = checkAmount(amount);
    const transferId = checkTransferId(options.transferId);
    return strapi.db.transaction(async ({ trx }) => {
      const expect = { kind: 'repayment', accountId, amount: value, reference: options.reference ?? null, note: options.note ?? null };
      const replayed = await this.replay(transferId, expect, options.fromIdempotencyKey);
      if (replayed) return replayed;
      const account = await this.account(accountId);
      if (!account || account.kind !== 'credit') throw errors.notFound('credit account', accountId);
      const cash = await this.control(account.supplierId, account.sellerId, 'cash');
      const accounts = await this.lock(trx, [accountId, cash]);
      const raced = await this.replay(transferId, expect, options.fromIdempotencyKey);
      if (raced) return raced;
      const unpaid = figures(accounts.get(accountId)!).unpaid ?? 0;
      if (value > unpaid) throw invalid({ amount: t(`还款不能超过未还款金额 ${(unpaid / 100).toFixed(2)} 元`, `cannot exceed the unpaid ${(unpaid / 100).toFixed(2)} yuan`) });
      return this.write(trx, accounts, { [cash]: { debitsPosted: value }, [accountId]: { creditsPosted: value } },
        { transferId, debitAccountId: cash, creditAccountId: accountId, amount: value, flag: 'plain', kind: 'repayment', direction: 'in', ...meta(options) }, accountId);
    });
  },

  /** A pending debit (冻结): funds held for an order, refused past the available amount. */
  async freeze(accountId: number, amount: unknown, options: TransferOptions & FreezeOptions) {
    const value = checkAmount(amount);
    const transferId = checkTransferId(options.transferId);
    return strapi.db.transaction(async ({ trx }) => {
      if (!options.fresh) {
        const replayed = await this.replay(transferId, { kind: 'freeze', accountId, amount: value });
        if (replayed) return replayed;
      }
      let revenue = options.revenueId;
      if (!revenue) {
        const account = await this.account(accountId);
        if (!account || (account.kind !== 'prepaid' && account.kind !== 'credit')) throw errors.notFound('account', accountId);
        revenue = await this.control(account.supplierId, account.sellerId, 'revenue');
      }
      // the caller (orders) has checked the partnership: the ledger knows only its own tables
      const accounts = await this.lock(trx, [accountId, revenue]);
      const locked = accounts.get(accountId);
      const income = accounts.get(revenue);
      // a customer account and its own pair's revenue account (the caller's revenueId is checked, not trusted)
      const paired = locked && (locked.kind === 'prepaid' || locked.kind === 'credit') && income?.kind === 'revenue'
        && income.supplierId === locked.supplierId && income.sellerId === locked.sellerId;
      if (!paired) throw errors.notFound('account', accountId);
      this.assertUsable(locked!, options.now ?? new Date(), true);
      locked!.debitsPending += value;
      this.assertBounds(locked!);
      locked!.debitsPending -= value;
      return this.write(trx, accounts, { [accountId]: { debitsPending: value }, [revenue]: { creditsPending: value } },
        { transferId, debitAccountId: accountId, creditAccountId: revenue, amount: value, flag: 'pending', kind: 'freeze', direction: 'out', ...meta(options) }, accountId);
    });
  },

  /** Post a freeze (capture), fully or partly; the rest is released. At most once per freeze. */
  async capture(pendingTransferId: string, options: TransferOptions & { amount?: number }) {
    return this.resolvePending(pendingTransferId, 'post', options);
  },

  /** Void a freeze (release). At most once per freeze. */
  async release(pendingTransferId: string, options: TransferOptions) {
    return this.resolvePending(pendingTransferId, 'void', options);
  },

  async resolvePending(pendingTransferId: string, flag: 'post' | 'void', options: TransferOptions & { amount?: number }) {
    const transferId = checkTransferId(options.transferId);
    return strapi.db.transaction(async ({ trx }) => {
      // the retry (this transfer id) and the freeze it resolves, in one read
      const both = await strapi.db.query(TRANSFER).findMany({ where: { transferId: { $in: [transferId, pendingTransferId] } } }) as any[];
      const replayed = this.replayOf(both.find((row) => row.transferId === transferId), { flag, pendingId: pendingTransferId });
      if (replayed) return replayed;
      const pending = both.find((row) => row.transferId === pendingTransferId);
      if (!pending || pending.flag !== 'pending') throw invalid({ pendingId: t('不是冻结交易', 'is not a pending transfer') });
      const held = num(pending.amount);
      const amount = flag === 'void' ? held : options.amount === undefined ? held : checkAmount(options.amount);
      if (amount > held) throw invalid({ amount: t(`扣款金额不能超过冻结金额 ${(held / 100).toFixed(2)} 元`, `cannot exceed the frozen ${(held / 100).toFixed(2)} yuan`) });
      // checked under the account locks, so two resolvers of one freeze cannot both pass
      const accounts = await this.lock(trx, [pending.debitAccountId, pending.creditAccountId]);
      if (await strapi.db.query(TRANSFER).count({ where: { pendingId: pendingTransferId } })) {
        throw new DomainError(409, 'ALREADY_RESOLVED', t('该冻结已处理（已扣款或已解冻）', 'This freeze was already captured or released'));
      }
      const deltas = flag === 'post'
        ? { [pending.debitAccountId]: { debitsPending: -held, debitsPosted: amount }, [pending.creditAccountId]: { creditsPending: -held, creditsPosted: amount } }
        : { [pending.debitAccountId]: { debitsPending: -held }, [pending.creditAccountId]: { creditsPending: -held } };
      return this.write(trx, accounts, deltas, {
        transferId, debitAccountId: pending.debitAccountId, creditAccountId: pending.creditAccountId, amount, flag, pendingId: pendingTransferId,
        kind: flag === 'post' ? 'capture' : 'release', direction: flag === 'post' ? 'out' : 'in', ...meta({ ...options, orderRef: options.orderRef ?? pending.orderRef }),
      }, pending.accountId);
    });
  },

  /** Money back to the seller's account (prepaid balance, or restored credit): a reversing transfer. */
  async refund(accountId: number, amount: unknown, options: TransferOptions) {
    const value = checkAmount(amount);
    const transferId = checkTransferId(options.transferId);
    return strapi.db.transaction(async ({ trx }) => {
      const replayed = await this.replay(transferId, { kind: 'refund', accountId, amount: value });
      if (replayed) return replayed;
      const account = await this.account(accountId);
      if (!account || (account.kind !== 'prepaid' && account.kind !== 'credit')) throw errors.notFound('account', accountId);
      const revenue = await this.control(account.supplierId, account.sellerId, 'revenue');
      const accounts = await this.lock(trx, [accountId, revenue]);
      if (options.orderRef) {
        const paid = await this.sumFor(trx, accountId, options.orderRef, 'capture');
        const refunded = await this.sumFor(trx, accountId, options.orderRef, 'refund');
        if (value > paid - refunded) throw invalid({ amount: t(`退款不能超过该订单可退金额 ${((paid - refunded) / 100).toFixed(2)} 元`, `cannot exceed the refundable ${((paid - refunded) / 100).toFixed(2)} yuan of this order`) });
      }
      return this.write(trx, accounts, { [revenue]: { debitsPosted: value }, [accountId]: { creditsPosted: value } },
        { transferId, debitAccountId: revenue, creditAccountId: accountId, amount: value, flag: 'plain', kind: 'refund', direction: 'in', ...meta(options) }, accountId);
    });
  },

  /**
   * Manual adjustment (人工调账) by the platform operator: a signed amount of fen moved between a seller's
   * prepaid or credit account and its pair's cash control account, as one balanced `adjustment` transfer
   * (positive: into the seller's account; negative: out of it), under both account locks and within the
   * bounds (a prepaid account never below 0 available; a credit account never past its limit, and credited
   * at most its unpaid amount). The reason
   * (required, ≤ 200) is the transfer's note, so the seller's and supplier's statements show it. A
   * disabled account may be adjusted: corrections do not wait for the supplier to enable it.
   */
  async adjust(accountId: number, amount: unknown, options: AdjustmentOptions) {
    const problems: FieldErrors = {};
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      problems.amount = t('金额应为整数（分），正数调增、负数调减', 'must be a whole number of fen (positive adds, negative takes)');
    } else if (amount === 0) {
      problems.amount = t('调账金额不能为 0', 'must not be 0');
    } else if (Math.abs(amount) > MAX_AMOUNT) {
      problems.amount = t('金额绝对值不能超过 10^12 分', 'must be at most 10^12 fen either way');
    }
    const reason = typeof options.reason === 'string' ? options.reason.trim() : '';
    if (!reason) {
      problems.reason = t('请填写调账原因', 'is required: say why the balance is adjusted');
    } else if (!cleanText(reason)) {
      problems.reason = t('不能包含空字符或无效的 Unicode 字符', 'must not contain NUL or invalid Unicode characters');
    } else if (reason.length > ADJUSTMENT_REASON_MAX) {
      problems.reason = t(`不能超过 ${ADJUSTMENT_REASON_MAX} 个字符`, `must be at most ${ADJUSTMENT_REASON_MAX} characters`);
    }
    if (Object.keys(problems).length) throw invalid(problems);
    const signed = amount as number;
    const value = Math.abs(signed);
    const direction = signed > 0 ? 'in' : 'out';
    const admin = options.operatorAdminId ?? null;
    const tail = options.idempotencyKey ? createHash('sha256').update(options.idempotencyKey).digest('base64url') : `n${randomUUID()}`;
    const transferId = `adjust:u${admin ?? 0}:${tail}`;
    return strapi.db.transaction(async ({ trx }) => {
      const expect = { kind: 'adjustment', accountId, amount: value, direction, note: reason };
      const replayed = await this.replay(transferId, expect, Boolean(options.idempotencyKey));
      if (replayed) return replayed;
      const account = await this.account(accountId);
      if (!account || (account.kind !== 'prepaid' && account.kind !== 'credit')) throw errors.notFound('account', accountId);
      const cash = await this.control(account.supplierId, account.sellerId, 'cash');
      const accounts = await this.lock(trx, [accountId, cash]);
      const raced = await this.replay(transferId, expect, Boolean(options.idempotencyKey));
      if (raced) return raced;
      const unpaid = figures(accounts.get(accountId)!).unpaid ?? 0;
      if (signed > 0 && account.kind === 'credit' && value > unpaid) {
        // a credit account holds debt, not deposits: an adjustment may forgive at most what is unpaid
        throw invalid({ amount: t(`赊销账户调增不能超过未还款金额 ${(unpaid / 100).toFixed(2)} 元`,
          `cannot exceed the unpaid ${(unpaid / 100).toFixed(2)} yuan of a credit account`) });
      }
      if (signed < 0) {
        const locked = accounts.get(accountId)!;
        locked.debitsPosted += value;
        this.assertBounds(locked);
        locked.debitsPosted -= value;
      }
      const deltas = signed > 0
        ? { [cash]: { debitsPosted: value }, [accountId]: { creditsPosted: value } }
        : { [accountId]: { debitsPosted: value }, [cash]: { creditsPosted: value } };
      return this.write(trx, accounts, deltas, {
        transferId, debitAccountId: signed > 0 ? cash : accountId, creditAccountId: signed > 0 ? accountId : cash, amount: value,
        flag: 'plain', kind: 'adjustment', direction, orderRef: null, note: reason,
        reference: admin === null ? null : `admin:${admin}`, operatorId: null,
      }, accountId);
    });
  },

  /**
   * Payments (captures) and refunds per Asia/Shanghai day over [fromDay, toDay] (YYYY-MM-DD) for one
   * seller or one supplier: one aggregate query over the (party, created_at) index, days without
   * movement included as zeros.
   */
  async flows(party: { sellerId: number } | { supplierId: number }, fromDay: string, toDay: string) {
    const knex = strapi.db.connection;
    const from = new Date(`${fromDay}T00:00:00+08:00`);
    const to = new Date(new Date(`${toDay}T00:00:00+08:00`).getTime() + DAY_MS);
    const column = 'sellerId' in party ? 'seller_id' : 'supplier_id';
    const id = 'sellerId' in party ? party.sellerId : party.supplierId;
    // Shanghai has no daylight saving: its day number is floor((epoch seconds + 8 h) / 1 day)
    const epoch = strapi.db.dialect.client === 'postgres' ? 'extract(epoch from created_at)'
      : "(case when typeof(created_at) in ('integer','real') then created_at / 1000 else strftime('%s', created_at) end)";
    const rows = await knex('ledger_transfers')
      .select(knex.raw(`floor((${epoch} + 28800) / 86400) as d`), 'kind')
      .sum({ total: 'amount' })
      .where(column, id).whereIn('kind', ['capture', 'refund'])
      .where('created_at', '>=', from).where('created_at', '<', to)
      .groupByRaw('1, kind');
    const byDay = new Map<string, { day: string; payments: number; refunds: number }>();
    for (let t0 = from.getTime(); t0 < to.getTime(); t0 += DAY_MS) {
      const day = shanghaiDay(new Date(t0));
      byDay.set(day, { day, payments: 0, refunds: 0 });
    }
    for (const row of rows as any[]) {
      const day = new Date(Number(row.d) * DAY_MS).toISOString().slice(0, 10);
      const entry = byDay.get(day);
      if (entry) entry[row.kind === 'capture' ? 'payments' : 'refunds'] += num(row.total);
    }
    return [...byDay.values()];
  },

  /** Σ amount of one kind for an order on an account, read in the caller's transaction. */
  async sumFor(trx: any, accountId: number, orderRef: string, kind: TransferKind): Promise<number> {
    const [row] = await trx('ledger_transfers').where({ account_id: accountId, order_ref: orderRef, kind }).sum({ s: 'amount' });
    return num((row as any)?.s);
  },

  /**
   * Recompute every account from its transfers; an empty list means the cached balances agree, and
   * Σ debits = Σ credits holds for pending and posted separately.
   */
  async check() {
    const knex = strapi.db.connection;
    const sums = async (side: 'debit' | 'credit') => {
      const rows = await knex('ledger_transfers as t').select(`t.${side}_account_id as id`)
        .sum({ posted: knex.raw("case when t.flag in ('plain','post') then t.amount else 0 end") })
        .sum({ pending: knex.raw("case when t.flag = 'pending' and not exists (select 1 from ledger_transfers r where r.pending_id = t.transfer_id) then t.amount else 0 end") })
        .groupBy(`t.${side}_account_id`);
      return new Map((rows as any[]).map((r) => [r.id, { posted: num(r.posted), pending: num(r.pending) }]));
    };
    const [debits, credits] = await Promise.all([sums('debit'), sums('credit')]);
    const accounts = (await knex('ledger_accounts').select('*')).map(toAccount);
    const mismatches: { accountId: number; cached: number[]; computed: number[] }[] = [];
    const totals = { debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 };
    for (const account of accounts) {
      const computed = [debits.get(account.id)?.pending ?? 0, debits.get(account.id)?.posted ?? 0, credits.get(account.id)?.pending ?? 0, credits.get(account.id)?.posted ?? 0];
      const cached = [account.debitsPending, account.debitsPosted, account.creditsPending, account.creditsPosted];
      if (cached.some((value, i) => value !== computed[i])) mismatches.push({ accountId: account.id, cached, computed });
      const f = figures(account);
      if ((account.kind === 'prepaid' || account.kind === 'credit') && f.available < 0) mismatches.push({ accountId: account.id, cached, computed: [f.available] });
      COUNTERS.forEach((counter) => { totals[counter] += account[counter]; });
    }
    const balanced = totals.debitsPending === totals.creditsPending && totals.debitsPosted === totals.creditsPosted;
    return { accounts: accounts.length, mismatches, balanced, totals };
  },
});

function meta(options: TransferOptions) {
  return {
    orderRef: options.orderRef ?? null, reference: options.reference ?? null, note: options.note ?? null,
    operatorId: options.operatorId ?? null, operatorLabel: options.operatorLabel ?? null,
  };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
/** The statement's text of a limit change: what changed (limit, validity), then the supplier's note; at most 200 characters. */
export function describeLimit(before: Pick<Account, 'creditLimit' | 'validFrom' | 'validTo'>,
  after: { creditLimit: unknown; validFrom: string | null; validTo: string | null }, note?: string | null): string {
  const parts: string[] = [];
  if (Number(after.creditLimit) !== before.creditLimit) parts.push(`额度 ${yuan(before.creditLimit)} → ${yuan(Number(after.creditLimit))} 元`);
  const span = (from: string | null, to: string | null) => (from || to ? `${from ?? ''} ~ ${to ?? ''}` : '不限');
  if ((after.validFrom ?? null) !== (before.validFrom ?? null) || (after.validTo ?? null) !== (before.validTo ?? null)) {
    parts.push(`有效期 ${span(before.validFrom, before.validTo)} → ${span(after.validFrom, after.validTo)}`);
  }
  if (!parts.length) parts.push(`额度 ${yuan(before.creditLimit)} 元不变`);
  return [...parts, ...(note?.trim() ? [note.trim()] : [])].join('；').slice(0, 200);
}
