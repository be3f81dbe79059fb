import { errors, PermissionKey } from '@cop/config';
import type { Principal, ResourceDeclaration, Row, TenancyRule } from '../types';

/**
 * The one place that decides what a caller's enterprise may see and change.
 * Every console query takes its where clause from `scope`, every insert its owner from `ownerValues`,
 * and every write passes `assertWritable`; nothing else re-implements these rules.
 */
export default ({ strapi }: { strapi: any }) => ({
  assertPermission(principal: Principal, permission: PermissionKey | null) {
    if (permission && !principal.permissions.has(permission)) throw errors.forbidden(permission);
  },

  /** The where clause limiting a resource's rows to those the caller may read. */
  scope(resource: ResourceDeclaration, principal: Principal): Record<string, unknown> {
    const rule = resource.tenancy;
    const base = resource.baseWhere ? resource.baseWhere(principal) : {};
    return { $and: [base, ruleWhere(rule, principal)] };
  },

  /** One record of a console resource if the caller may read it (for services acting across modules), else null. */
  async findVisible(resourceName: string, principal: Principal, id: number): Promise<Row | null> {
    const resource: ResourceDeclaration | undefined = strapi.plugin('console').service('registry').get(resourceName);
    if (!resource) throw new Error(`unknown console resource ${resourceName}`);
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
    return strapi.db.query(resource.uid).findOne({ where: { $and: [{ id }, this.scope(resource, principal)] } });
  },

  /** Columns an insert gets from the caller (its enterprise / user); the client cannot set them. */
  ownerValues(resource: ResourceDeclaration, principal: Principal): Record<string, unknown> {
    const rule = resource.tenancy;
    switch (rule.kind) {
      case 'enterprise': return { [rule.field]: principal.enterpriseId };
      case 'user': return { [rule.field]: principal.userId };
      case 'parties': return rule.writer ? { [rule.writer]: principal.enterpriseId } : {};
      case 'own-enterprise': case 'shared': case 'audience': return {};
    }
  },

  /** Fields that carry tenancy; they are never writable through the console. */
  ownerFields(rule: TenancyRule): string[] {
    switch (rule.kind) {
      case 'enterprise': case 'user': return [rule.field];
      // the writer's side comes from the caller; the other party is chosen by the writer
      case 'parties': return rule.writer ? [rule.writer] : rule.fields;
      case 'audience': return [rule.owner];
      case 'own-enterprise': case 'shared': return [];
    }
  },

  /**
   * Reading is allowed by scope; writing needs the writer side for shared records. An audience view is
   * never edited, but its declared verbs (respond, …) may act on the caller's own related rows.
   */
  assertWritable(resource: ResourceDeclaration, principal: Principal, row: Row, viaVerb = false) {
    const rule = resource.tenancy;
    if (rule.kind === 'shared' || (rule.kind === 'audience' && !viaVerb)) throw errors.forbidden();
    if (rule.kind === 'parties' && rule.writer && row[rule.writer] !== principal.enterpriseId) {
      throw errors.forbidden();
    }
  },
});

function ruleWhere(rule: TenancyRule, principal: Principal): Record<string, unknown> {
  switch (rule.kind) {
    case 'own-enterprise': return { id: principal.enterpriseId };
    case 'enterprise': return { [rule.field]: principal.enterpriseId };
    case 'user': return { [rule.field]: principal.userId };
    case 'parties': return { $or: rule.fields.map((field) => ({ [field]: principal.enterpriseId })) };
    case 'shared': return {};
    case 'audience': return {
      $and: [
        rule.visible(new Date()),
        rule.excludeOwner ? { [rule.owner]: { $ne: principal.enterpriseId } } : {},
        { $or: [{ audience: { $in: audiencesOf(principal) } }, { audience: 'named', audienceKey: { $contains: `|${principal.enterpriseId}|` } }] },
      ],
    };
  }
}

/** The audience values that take in the caller's enterprise besides being named. */
export function audiencesOf(principal: Principal): string[] {
  const kind = principal.enterpriseKind;
  return ['all', ...(kind === 'supplier' || kind === 'both' ? ['suppliers'] : []), ...(kind === 'seller' || kind === 'both' ? ['sellers'] : [])];
}
