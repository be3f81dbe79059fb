import { EnterpriseKind, Side, sidesOf } from './enterprise';

/**
 * Every permission key the platform knows, with the sides it applies to.
 * The server checks these keys; the console builds its menu from the same list,
 * so the menu and the server can never disagree.
 */
export const PERMISSIONS = {
  'enterprise.read': { sides: ['supplier', 'seller'], zh: '查看企业主数据', en: 'View enterprise data' },
  'enterprise.write': { sides: ['supplier', 'seller'], zh: '修改企业主数据', en: 'Edit enterprise data' },
  'accounts.read': { sides: ['supplier', 'seller'], zh: '查看子账号', en: 'View sub-accounts' },
  'accounts.write': { sides: ['supplier', 'seller'], zh: '管理子账号', en: 'Manage sub-accounts' },
  'roles.read': { sides: ['supplier', 'seller'], zh: '查看角色', en: 'View roles' },
  'roles.write': { sides: ['supplier', 'seller'], zh: '管理角色', en: 'Manage roles' },
  'employees.read': { sides: ['supplier', 'seller'], zh: '查看员工', en: 'View employees' },
  'employees.write': { sides: ['supplier', 'seller'], zh: '管理员工', en: 'Manage employees' },
  'partnerships.read': { sides: ['supplier', 'seller'], zh: '查看供销关系', en: 'View partnerships' },
  'partnerships.write': { sides: ['supplier'], zh: '管理供销关系', en: 'Manage partnerships' },
  'ledger.read': { sides: ['supplier', 'seller'], zh: '查看账户与流水', en: 'View accounts and transactions' },
  'ledger.write': { sides: ['supplier'], zh: '管理账户（开户、充值、额度）', en: 'Manage accounts (open, top up, limits)' },
  'resources.read': { sides: ['supplier', 'seller'], zh: '查看资源', en: 'View resources' },
  'resources.write': { sides: ['supplier', 'seller'], zh: '发布资源', en: 'Publish resources' },
  'opportunities.read': { sides: ['supplier', 'seller'], zh: '查看商机', en: 'View opportunities' },
  'opportunities.write': { sides: ['supplier', 'seller'], zh: '发布与响应商机', en: 'Publish and respond to opportunities' },
  'announcements.read': { sides: ['supplier', 'seller'], zh: '查看公告', en: 'View announcements' },
  'announcements.write': { sides: ['supplier', 'seller'], zh: '发布公告', en: 'Publish announcements' },
  'products.read': { sides: ['supplier'], zh: '查看产品', en: 'View products' },
  'products.write': { sides: ['supplier'], zh: '维护产品', en: 'Maintain products' },
  'stock.write': { sides: ['supplier'], zh: '维护库存', en: 'Maintain stock' },
  'agreements.read': { sides: ['supplier', 'seller'], zh: '查看内部电子协议', en: 'View agreements' },
  'agreements.write': { sides: ['supplier'], zh: '维护内部电子协议', en: 'Maintain agreements' },
  'strategies.read': { sides: ['supplier'], zh: '查看销售策略', en: 'View sales strategies' },
  'strategies.write': { sides: ['supplier'], zh: '维护销售策略', en: 'Maintain sales strategies' },
  'orders.read': { sides: ['supplier', 'seller'], zh: '查看订单', en: 'View orders' },
  'orders.place': { sides: ['seller'], zh: '代客下单、购物车、支付', en: 'Place and pay orders' },
  'orders.refund': { sides: ['seller'], zh: '申请退款', en: 'Request refunds' },
  'orders.audit': { sides: ['supplier'], zh: '审核政企订单与退款', en: 'Audit gov orders and refunds' },
  'orders.fulfil': { sides: ['supplier'], zh: '订单履约', en: 'Fulfil orders' },
  'incentives.read': { sides: ['supplier', 'seller'], zh: '查看激励明细', en: 'View incentive records' },
  'reports.read': { sides: ['supplier', 'seller'], zh: '查看报表', en: 'View reports' },
  'conversations.use': { sides: ['supplier', 'seller'], zh: '我的交流', en: 'Conversations' },
} as const satisfies Record<string, { sides: readonly Side[]; zh: string; en: string }>;

export type PermissionKey = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as PermissionKey[];

export function isPermissionKey(key: unknown): key is PermissionKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(PERMISSIONS, key);
}

/** Permission keys an enterprise of this kind may hold at all (its admin holds all of them). */
export function permissionsForKind(kind: EnterpriseKind): PermissionKey[] {
  const sides = sidesOf(kind);
  return PERMISSION_KEYS.filter((key) =>
    (PERMISSIONS[key].sides as readonly Side[]).some((side) => sides.includes(side)),
  );
}

/** A permission's name in a language (查看销售策略), never its key; an unknown key is shown as it is. */
export function permissionName(key: string, lang: 'zh' | 'en'): string {
  return isPermissionKey(key) ? PERMISSIONS[key][lang] : key;
}

/** Several permissions' names, joined the way the language lists things (「查看订单」、「申请退款」). */
export function permissionNames(keys: readonly string[], lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? keys.map((key) => `「${permissionName(key, 'zh')}」`).join('、')
    : keys.map((key) => `"${permissionName(key, 'en')}"`).join(', ');
}
