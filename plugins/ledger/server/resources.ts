import { codeLabel, errors, FieldErrors, idempotencyKeyOf, invalid, langOf } from '@cop/config';
import type { Text } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import type { ActionContext, FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { ACCOUNT, TRANSFER, clientTransferId, figures } from './services/ledger';

const t = errors.text;
const ENTERPRISE = 'plugin::identity.enterprise';
const ro = (spec: FieldSpec): FieldSpec => ({ ...spec, readOnly: true });
const ledger = (ctx: ActionContext) => ctx.strapi.plugin('ledger').service('ledger');
/**
 * The ledger options of a posting verb (top-up, repay), whose body `amountBody` declares. Transfer ids
 * are made by the server only (a client's `transferId` is an unknown field): a retry sends the same
 * Idempotency-Key, which the server scopes to the caller's enterprise (see clientTransferId).
 */
function posting(ctx: ActionContext, verb: 'topup' | 'repay') {
  const key = idempotencyKeyOf(ctx.koa.get('idempotency-key'));
  return {
    transferId: clientTransferId(verb, ctx.principal.enterpriseId, key), fromIdempotencyKey: Boolean(key),
    reference: (ctx.body.reference as string | null) ?? null, note: (ctx.body.note as string | null) ?? null, operatorId: ctx.principal.userId,
  };
}
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : null);
/** What top-up and repay take; the ledger makes the transfer id (a client's retry key is the Idempotency-Key header). */
const amountBody: Record<string, FieldSpec> = {
  amount: { type: 'money', required: true, min: 1 },
  reference: { type: 'string', maxLength: 100 },
  note: { type: 'text', maxLength: 200 },
};

function accountResource(kind: 'prepaid' | 'credit'): ResourceDeclaration {
  const resource: ResourceDeclaration = {
    name: `${kind}-accounts`,
    uid: ACCOUNT,
    label: kind === 'prepaid' ? t('预付款账户', 'Prepaid accounts') : t('赊销账户', 'Credit accounts'),
    tenancy: { kind: 'parties', fields: ['supplierId', 'sellerId'], writer: 'supplierId' },
    baseWhere: () => ({ kind }),
    permissions: { read: 'ledger.read', write: 'ledger.write' },
    operations: ['list', 'get', 'create'],
    fields: {
      supplierId: ro({ type: 'id', filter: ['eq'] }),
      sellerId: { type: 'id', required: true, createOnly: true, filter: ['eq'] },
      supplierName: ro({ type: 'string', attribute: false }),
      sellerName: ro({ type: 'string', attribute: false }),
      status: ro({ type: 'enum', values: ['enabled', 'disabled'], filter: ['eq'], attribute: 'state' }),
      available: ro({ type: 'money', attribute: false }),
      frozen: ro({ type: 'money', attribute: false }),
      ...(kind === 'prepaid'
        ? { balance: ro({ type: 'money', attribute: false }) }
        : {
            creditLimit: ro({ type: 'money' }),
            unpaid: ro({ type: 'money', attribute: false }),
            validFrom: ro({ type: 'string' }),
            validTo: ro({ type: 'string' }),
          }),
      createdAt: ro({ type: 'datetime', sort: true }),
    },
    toRecord: (row: Row) => {
      const account = { ...row, creditLimit: Number(row.creditLimit ?? 0), debitsPending: Number(row.debitsPending), debitsPosted: Number(row.debitsPosted), creditsPending: Number(row.creditsPending), creditsPosted: Number(row.creditsPosted) } as any;
      return { ...defaultRecord(resource, row), ...figures(account), ...(kind === 'credit' ? { creditLimit: account.creditLimit } : {}) };
    },
    decorate: (records, ctx) => ctx.strapi.plugin('identity').service('partnerships').nameParties(records),
    create: (data, ctx) => ledger(ctx).open(ctx.principal.enterpriseId, data.sellerId as number, kind, ctx.principal.userId)
      .then((row: any) => ctx.strapi.db.query(ACCOUNT).findOne({ where: { id: row.id } })),
    actions: {
      enable: { permission: 'ledger.write', handler: (row, ctx) => ledger(ctx).setStatus(row.id, 'enabled', ctx.principal.userId).then(() => reload(ctx, row.id)) },
      disable: { permission: 'ledger.write', handler: (row, ctx) => ledger(ctx).setStatus(row.id, 'disabled', ctx.principal.userId).then(() => reload(ctx, row.id)) },
      ...(kind === 'prepaid'
        ? {
            'top-up': {
              permission: 'ledger.write',
              body: amountBody,
              handler: (row, ctx) => ledger(ctx).topUp(row.id, ctx.body.amount, posting(ctx, 'topup')).then(() => reload(ctx, row.id)),
            },
          }
        : {
            'set-limit': {
              permission: 'ledger.write',
              body: {
                creditLimit: { type: 'money', required: true },
                validFrom: { type: 'date' },
                validTo: { type: 'date' },
                note: { type: 'text', maxLength: 200 },
              },
              handler: (row, ctx) => ledger(ctx).setCreditLimit(row.id, { creditLimit: ctx.body.creditLimit, validFrom: ctx.body.validFrom, validTo: ctx.body.validTo, note: text(ctx.body.note, 200) ?? undefined }, ctx.principal.userId).then(() => reload(ctx, row.id)),
            },
            repay: {
              permission: 'ledger.write',
              body: amountBody,
              handler: (row, ctx) => ledger(ctx).repay(row.id, ctx.body.amount, posting(ctx, 'repay')).then(() => reload(ctx, row.id)),
            },
          }),
    },
  };
  return resource;
}

const reload = (ctx: ActionContext, id: number) => ctx.strapi.db.query(ACCOUNT).findOne({ where: { id } });

export const prepaidAccounts = accountResource('prepaid');
export const creditAccounts = accountResource('credit');

const TRANSFER_KINDS = ['topup', 'freeze', 'capture', 'release', 'refund', 'repayment', 'adjustment', 'limit'];

/** Who acted when no user did, by the label the transfer carries (a job or a system action). */
export const OPERATOR_LABELS: Record<string, Text> = {
  'job:orders.close-expired': t('系统（订单超时关闭）', 'System (unpaid order timed out)'),
  'partnership:stop': t('系统（停止合作关闭订单）', 'System (partnership stopped)'),
};

/**
 * A statement line's two figures: the posted amount (what the balance gained or lost: top-ups, captures,
 * refunds, repayments, adjustments; signed) and the change of the frozen amount (a freeze adds, a release
 * and a capture take off the freeze they resolve). A freeze and its capture thus count once in the
 * amount column. `held` is the amount of the freeze a capture resolves (it may capture less).
 */
export function statementFigures(row: { kind: string; direction: string; amount: number }, held?: number) {
  const signed = row.direction === 'out' ? -row.amount : row.amount;
  switch (row.kind) {
    case 'freeze': return { postedAmount: 0, frozenChange: row.amount };
    case 'release': return { postedAmount: 0, frozenChange: -row.amount };
    case 'capture': return { postedAmount: signed, frozenChange: -(held ?? row.amount) };
    case 'limit': return { postedAmount: 0, frozenChange: 0 };
    default: return { postedAmount: signed, frozenChange: 0 };
  }
}
export const accountTransactions: ResourceDeclaration = {
  name: 'account-transactions',
  uid: TRANSFER,
  label: t('交易流水', 'Account transactions'),
  tenancy: { kind: 'parties', fields: ['supplierId', 'sellerId'] },
  permissions: { read: 'ledger.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    transferId: ro({ type: 'string', filter: ['eq'] }),
    accountId: ro({ type: 'id', filter: ['eq'] }),
    supplierId: ro({ type: 'id', filter: ['eq'] }),
    sellerId: ro({ type: 'id', filter: ['eq'] }),
    kind: ro({ type: 'enum', values: TRANSFER_KINDS, filter: ['eq', 'neq'] }),
    direction: ro({ type: 'enum', values: ['in', 'out'] }),
    amount: ro({ type: 'money', sort: true }),
    postedAmount: ro({ type: 'money', attribute: false }),
    frozenChange: ro({ type: 'money', attribute: false }),
    availableAfter: ro({ type: 'money' }),
    frozenAfter: ro({ type: 'money' }),
    orderRef: ro({ type: 'string', filter: ['eq'] }),
    reference: ro({ type: 'string', filter: ['eq'] }),
    note: ro({ type: 'string' }),
    operatorName: ro({ type: 'string', attribute: false }),
    operatorId: ro({ type: 'integer' }),
    operatorLabel: ro({ type: 'string' }),
    createdAt: ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true }),
  },
  toRecord: (row: Row) => {
    const amount = Number(row.amount);
    return {
      ...defaultRecord(accountTransactions, row), amount, availableAfter: Number(row.availableAfter), frozenAfter: Number(row.frozenAfter),
      ...statementFigures({ kind: row.kind, direction: row.direction, amount }),
      pendingId: row.pendingId ?? null,
    };
  },
  async decorate(records, ctx) {
    const operators = await ctx.strapi.plugin('identity').service('partnerships').namesOf('plugin::users-permissions.user', records.map((r) => r.operatorId), 'displayName');
    // a capture takes off the whole freeze it resolves, also when it captured less: one query for those freezes
    const pendingIds = records.filter((r) => r.kind === 'capture' && r.pendingId).map((r) => r.pendingId as string);
    const freezes = pendingIds.length
      ? await ctx.strapi.db.query(TRANSFER).findMany({ where: { transferId: { $in: pendingIds } }, select: ['transferId', 'amount'] })
      : [];
    const held = new Map((freezes as { transferId: string; amount: unknown }[]).map((f) => [f.transferId, Number(f.amount)]));
    const lang = langOf(ctx.koa.get?.('accept-language'));
    for (const record of records) {
      const label = record.operatorLabel ? OPERATOR_LABELS[record.operatorLabel as string] : undefined;
      record.operatorName = operators.get(record.operatorId) ?? (label ? label[lang] : (record.operatorLabel ?? null));
      if (record.kind === 'capture') Object.assign(record, statementFigures(record as any, held.get(record.pendingId as string)));
      delete record.pendingId;
    }
  },
  exportColumns: [
    { field: 'createdAt', header: t('交易时间', 'Time'), format: 'datetime' },
    { field: 'kind', header: t('类型', 'Kind'), labels: 'transaction_kind' },
    { field: 'postedAmount', header: t('金额（元）', 'Amount (yuan)'), format: 'money' },
    { field: 'frozenChange', header: t('冻结（元）', 'Frozen (yuan)'), format: 'money' },
    { field: 'availableAfter', header: t('交易后可用（元）', 'Available after (yuan)'), format: 'money' },
    { field: 'frozenAfter', header: t('交易后冻结（元）', 'Frozen after (yuan)'), format: 'money' },
    { field: 'orderRef', header: t('订单号', 'Order') },
    { field: 'reference', header: t('参考号', 'Reference') },
    { field: 'note', header: t('备注', 'Note') },
    { field: 'operatorName', header: t('操作人', 'Operator') },
    { field: 'transferId', header: t('交易编号', 'Transfer id') },
  ],
  /** Whose account (the other party's name and the account kind) and which kind of line the file holds. */
  async exportName(filter, ctx, lang) {
    const parts: string[] = [];
    if (typeof filter.accountId === 'number') {
      // only the caller's own accounts name a party: another tenant's id names nothing
      const me = ctx.principal.enterpriseId;
      const account = await ctx.strapi.db.query(ACCOUNT)
        .findOne({ where: { id: filter.accountId, $or: [{ supplierId: me }, { sellerId: me }] }, select: ['supplierId', 'sellerId', 'kind'] });
      if (account) {
        const other = account.supplierId === ctx.principal.enterpriseId ? account.sellerId : account.supplierId;
        const names = await ctx.strapi.plugin('identity').service('partnerships').namesOf(ENTERPRISE, [other]);
        parts.push(names.get(other) ?? `#${other}`, (account.kind === 'credit' ? t('赊销', 'credit') : t('预付款', 'prepaid'))[lang]);
      }
    }
    if (typeof filter.kind === 'string') parts.push(codeLabel('transaction_kind', filter.kind, lang));
    if (typeof filter.orderRef === 'string') parts.push(filter.orderRef);
    return parts;
  },
};

export default [prepaidAccounts, creditAccounts, accountTransactions];
