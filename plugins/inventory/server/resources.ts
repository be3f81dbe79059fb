import { errors } from '@cop/config';
import { defaultRecord } from '@cop/plugin-console';
import type { FieldSpec, ResourceDeclaration, Row } from '@cop/plugin-console';
import { ITEM, MOVEMENT } from './services/stock';

const t = errors.text;
const ro = (spec: FieldSpec): FieldSpec => ({ ...spec, readOnly: true });

export const stockDays: ResourceDeclaration = {
  name: 'stock-days',
  uid: ITEM,
  label: t('库存日历', 'Stock calendar'),
  tenancy: { kind: 'enterprise', field: 'supplierId' },
  permissions: { read: 'products.read', write: 'stock.write' },
  operations: ['list', 'get'],
  defaultSort: ['slot', 'ASC'],
  fields: {
    productId: ro({ type: 'id', filter: ['eq'] }),
    slot: ro({ type: 'string', filter: ['eq', 'gte', 'lte'], sort: true }),
    total: ro({ type: 'integer', sort: true }),
    reserved: ro({ type: 'integer' }),
    sold: ro({ type: 'integer' }),
    available: ro({ type: 'integer', attribute: false }),
    updatedAt: ro({ type: 'datetime' }),
  },
  toRecord: (row: Row) => ({ ...defaultRecord(stockDays, row), available: Number(row.total) - Number(row.reserved) - Number(row.sold) }),
  collectionActions: {
    maintain: {
      method: 'POST',
      permission: 'stock.write',
      body: {
        productId: { type: 'id', required: true },
        mode: { type: 'enum', values: ['set', 'add'], required: true },
        quantity: { type: 'integer', required: true, min: -1_000_000, max: 1_000_000 },
        from: { type: 'date' },
        to: { type: 'date' },
        note: { type: 'text', maxLength: 200 },
      },
      handler: (ctx) => ctx.strapi.plugin('inventory').service('stock').maintain({
        productId: ctx.body.productId as number,
        supplierId: ctx.principal.enterpriseId,
        mode: ctx.body.mode as 'set' | 'add',
        quantity: ctx.body.quantity as number,
        from: (ctx.body.from as string | null) ?? undefined,
        to: (ctx.body.to as string | null) ?? undefined,
        note: (ctx.body.note as string | null) ?? undefined,
        operatorId: ctx.principal.userId,
      }),
    },
  },
};

export const stockMovements: ResourceDeclaration = {
  name: 'stock-movements',
  uid: MOVEMENT,
  label: t('库存流水', 'Stock movements'),
  tenancy: { kind: 'enterprise', field: 'supplierId' },
  permissions: { read: 'products.read', write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    productId: ro({ type: 'id', filter: ['eq'] }),
    slot: ro({ type: 'string', filter: ['eq', 'gte', 'lte'] }),
    kind: ro({ type: 'enum', values: ['adjust', 'reserve', 'release', 'consume', 'expire', 'return'], filter: ['eq'] }),
    totalDelta: ro({ type: 'integer' }),
    reservedDelta: ro({ type: 'integer' }),
    soldDelta: ro({ type: 'integer' }),
    reference: ro({ type: 'string', filter: ['eq'] }),
    operatorId: ro({ type: 'integer' }),
    note: ro({ type: 'string' }),
    createdAt: ro({ type: 'datetime', filter: ['gte', 'lte'], sort: true }),
  },
};
