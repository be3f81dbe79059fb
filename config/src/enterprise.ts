/** Enterprise kinds: a tenant is a supplier (供货方), a seller (销售方) or both. */
export const ENTERPRISE_KINDS = ['supplier', 'seller', 'both'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

export const ENTERPRISE_STATUSES = ['active', 'disabled'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** The console sides an enterprise kind opens. */
export type Side = 'supplier' | 'seller';

export function sidesOf(kind: EnterpriseKind): Side[] {
  return kind === 'both' ? ['supplier', 'seller'] : [kind];
}
