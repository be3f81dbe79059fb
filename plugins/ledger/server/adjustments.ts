import type { Core } from '@strapi/types';
import { DomainError, errors, invalid } from '@cop/config';
import { ADJUST_ACTION } from './admin';

export const ADJUSTMENT = 'plugin::ledger.adjustment';
const t = errors.text;
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * 人工调账 in the admin panel: the operator creates an adjustment slip (account, signed amount in fen,
 * reason) in the content manager, and creating it is the adjustment — the ledger's `adjust` writes the
 * balanced transfer and the slip keeps its id, in one transaction, or neither is written. A slip never
 * changes afterwards (a correction is another slip); creating one needs the 人工调账 permission.
 */
export function guardAdjustments(strapi: Core.Strapi): void {
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    if (context.uid !== ADJUSTMENT || READS.has(context.action)) return next();
    if (context.action !== 'create') {
      throw new DomainError(403, 'IMMUTABLE_RECORD', t('调账单一经提交不可修改或删除：如需更正，请再提交一笔反向调账',
        'An adjustment cannot be changed or deleted once made: make a reversing adjustment instead'));
    }
    const request = strapi.requestContext.get() as any;
    const ability = request?.state?.userAbility;
    if (ability && !ability.can(ADJUST_ACTION)) {
      throw new DomainError(403, 'FORBIDDEN', t('没有人工调账权限', 'You may not adjust balances (人工调账)'));
    }
    const data = context.params.data ?? {};
    const accountId = Number(data.accountId);
    if (!Number.isSafeInteger(accountId) || accountId < 1 || accountId > 2_147_483_647) {
      throw invalid({ accountId: t('应为账户编号', 'must be an account id') });
    }
    const amount = typeof data.amount === 'string' && /^-?\d{1,16}$/.test(data.amount) ? Number(data.amount) : data.amount;
    const adminId = request?.state?.user?.id ?? null;
    return strapi.db.transaction(async () => {
      const transfer = await strapi.plugin('ledger').service('ledger').adjust(accountId, amount, { reason: data.reason, operatorAdminId: adminId });
      context.params.data = { ...data, amount, transferId: transfer.transferId, adminId };
      return next();
    });
  });
}
