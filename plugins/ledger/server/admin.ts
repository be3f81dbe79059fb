import type { Core } from '@strapi/types';
import { idempotencyKeyOf, invalid, errors } from '@cop/config';
import { figures } from './services/ledger';
import type { Account } from './services/ledger';

const t = errors.text;
/** The admin-panel permission that allows a manual adjustment (super admins hold every action). */
export const ADJUST_ACTION = 'plugin::ledger.adjust';

/**
 * The platform operator's money action in the Strapi admin API (the books themselves are read-only in
 * the panel): `POST /ledger/accounts/:id/adjust { amount, reason }` with the admin JWT. `amount` is signed
 * fen; the ledger service writes one balanced `adjustment` transfer with the reason as its note.
 */
const actions = [
  { section: 'plugins', displayName: '人工调账 Manual balance adjustment', uid: 'adjust', pluginName: 'ledger' },
];

const routes = {
  type: 'admin' as const,
  routes: [
    {
      method: 'POST',
      path: '/accounts/:id/adjust',
      handler: 'admin.adjust',
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ADJUST_ACTION] } }],
      },
    },
  ],
};

const BODY_FIELDS = new Set(['amount', 'reason']);

const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async adjust(ctx: any) {
    const id = Number(ctx.params.id);
    if (!/^\d{1,10}$/.test(String(ctx.params.id)) || !Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) {
      throw errors.notFound('account', ctx.params.id);
    }
    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid({ amount: t('请提交 { amount, reason }', 'send { amount, reason }') });
    }
    const unknown = Object.keys(body).filter((key) => !BODY_FIELDS.has(key));
    if (unknown.length) throw invalid(Object.fromEntries(unknown.map((key) => [key, t('不是可提交的字段', 'is not a field of this action')])));
    const service = strapi.plugin('ledger').service('ledger');
    const transfer = await service.adjust(id, body.amount, {
      reason: body.reason, operatorAdminId: ctx.state.user?.id ?? null, idempotencyKey: idempotencyKeyOf(ctx.get('idempotency-key')),
    });
    const account: Account = await service.account(id);
    ctx.body = {
      data: {
        transfer: {
          ...transfer, amount: Number(transfer.amount),
          availableAfter: Number(transfer.availableAfter), frozenAfter: Number(transfer.frozenAfter),
        },
        account: { id, kind: account.kind, supplierId: account.supplierId, sellerId: account.sellerId, ...figures(account) },
      },
    };
  },
});

export default { actions, routes, controller };
