import { codeLabel, errors } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import type { FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { RECORD, RULE } from './services/incentives';

const t = errors.text;
const ro = (spec: FieldSpec): FieldSpec => ({ ...spec, readOnly: true });
const ENTERPRISE = 'plugin::identity.enterprise';

/** 协同值明细 / 奖金值明细 (F95, F96): my enterprise's records; the page filters by kind. */
export const incentiveRecords: ResourceDeclaration = {
  name: 'incentive-records',
  uid: RECORD,
  label: t('激励明细', 'Incentive records'),
  tenancy: { kind: 'enterprise', field: 'enterpriseId' },
  permissions: { read: 'incentives.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    kind: ro({ type: 'enum', values: ['collaboration', 'bonus'], filter: ['eq'] }),
    event: ro({ type: 'enum', values: ['order_paid', 'order_fulfilled', 'order_refunded'], filter: ['eq'] }),
    points: ro({ type: 'integer', sort: true }),
    runningTotal: ro({ type: 'integer', attribute: false }),
    side: ro({ type: 'enum', values: ['seller', 'supplier'] }),
    counterpartyId: ro({ type: 'id', filter: ['eq'] }),
    counterpartyName: ro({ type: 'string', attribute: false }),
    ruleId: ro({ type: 'id', filter: ['eq'] }),
    ruleName: ro({ type: 'string' }),
    orderId: ro({ type: 'id' }),
    orderNumber: ro({ type: 'string', filter: ['eq'], search: true }),
    channel: ro({ type: 'string', filter: ['eq'] }),
    basisAmount: ro({ type: 'money' }),
    createdAt: ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true }),
  },
  toRecord: (row: Row) => ({ ...defaultRecord(incentiveRecords, row), basisAmount: Number(row.basisAmount) }),
  async decorate(records, ctx) {
    const names = await ctx.strapi.plugin('identity').service('partnerships').namesOf(ENTERPRISE, records.map((r) => r.counterpartyId));
    const totals = await ctx.strapi.plugin('incentives').service('incentives').runningTotals(records.map((r) => r.id));
    for (const record of records) {
      record.counterpartyName = names.get(record.counterpartyId) ?? null;
      record.runningTotal = totals.get(record.id) ?? null;
    }
  },
  exportColumns: [
    { field: 'createdAt', header: t('时间', 'Time'), format: 'datetime' },
    { field: 'kind', header: t('类型', 'Kind'), labels: 'incentive_kind' },
    { field: 'event', header: t('事件', 'Event'), labels: 'incentive_event' },
    { field: 'orderNumber', header: t('订单号', 'Order') },
    { field: 'channel', header: t('渠道', 'Channel'), labels: 'order_channel' },
    { field: 'counterpartyName', header: t('交易对方', 'Counterparty') },
    { field: 'ruleName', header: t('规则', 'Rule') },
    { field: 'basisAmount', header: t('计算金额（元）', 'Basis (yuan)'), format: 'money' },
    { field: 'points', header: t('分值', 'Points') },
    { field: 'runningTotal', header: t('累计', 'Running total') },
  ],
  /** 协同值明细 or 奖金值明细, and the event when filtered. */
  async exportName(filter, _ctx, lang) {
    return [filter.kind, filter.event].filter((v): v is string => typeof v === 'string')
      .map((code, i) => codeLabel(i === 0 && filter.kind ? 'incentive_kind' : 'incentive_event', code, lang));
  },
  collectionActions: {
    balances: {
      method: 'GET',
      permission: 'incentives.read',
      handler: async (ctx) => ctx.strapi.plugin('incentives').service('incentives').balances(ctx.principal.enterpriseId),
    },
  },
};

/** The rules in force, read-only (the operator keeps them in the admin panel): for filters and explanations. */
export const incentiveRules: ResourceDeclaration = {
  name: 'incentive-rules',
  uid: RULE,
  label: t('激励规则', 'Incentive rules'),
  tenancy: { kind: 'shared' },
  // platform-wide rules, and those scoped to the caller's own supplier enterprise; not other suppliers' deals
  baseWhere: (principal) => ({ active: true, $or: [{ supplierId: null }, { supplierId: principal.enterpriseId }] }),
  permissions: { read: 'incentives.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['id', 'ASC'],
  fields: {
    name: ro({ type: 'string', search: true, sort: true }),
    pointsKind: ro({ type: 'enum', values: ['collaboration', 'bonus'], filter: ['eq'] }),
    beneficiary: ro({ type: 'enum', values: ['seller', 'supplier', 'both'], filter: ['eq'] }),
    event: ro({ type: 'enum', values: ['order_paid', 'order_fulfilled'], filter: ['eq'] }),
    method: ro({ type: 'enum', values: ['per_order', 'per_unit', 'basis_points'] }),
    amount: ro({ type: 'integer' }),
    supplierId: ro({ type: 'id' }),
    category: ro({ type: 'string' }),
    productId: ro({ type: 'id' }),
    channel: ro({ type: 'string' }),
    validFrom: ro({ type: 'string' }),
    validTo: ro({ type: 'string' }),
    priority: ro({ type: 'integer' }),
  },
};

export default [incentiveRecords, incentiveRules];
