import {
  PERMISSIONS,
  isPermissionKey,
  menuFor,
  sidesOf,
  type EnterpriseKind,
  type MenuItem,
  type PermissionKey,
  type Side,
} from '@cop/config';

export interface ResourceAccess {
  read?: PermissionKey;
  write?: PermissionKey;
  open?: true;
  /** Pages of one side only (as their MENU item): other enterprise kinds are refused even with the key. */
  sides?: Side[];
  /**
   * Verbs guarded by keys of their own (the order state machine: 支付, 审核, 履约, 退款…), verb → key.
   * Other verbs of the resource need `write`.
   */
  verbs?: Partial<Record<string, PermissionKey>>;
}

/** The seller's order verbs (我的订单) and the supplier's (订单管理), with the keys the server checks. */
export const SELLER_ORDER_VERBS = {
  pay: 'orders.place',
  cancel: 'orders.place',
  'request-refund': 'orders.refund',
} as const satisfies Record<string, PermissionKey>;
export const SUPPLIER_ORDER_VERBS = {
  approve: 'orders.audit',
  reject: 'orders.audit',
  fulfil: 'orders.fulfil',
  'correct-fulfilment': 'orders.fulfil',
  'approve-refund': 'orders.audit',
  'reject-refund': 'orders.audit',
} as const satisfies Record<string, PermissionKey>;

/**
 * THE map from console resources to permission keys (the only place the console decides access).
 * `read` guards list/show/export, `write` guards create/edit/delete and custom verbs (but the `verbs`
 * a resource lists, which need their own keys);
 * `open` resources are allowed to every signed-in user. Page resources named after a MENU path
 * (see apiResources.ts for the server resource they use) carry the `sides` of their MENU item.
 */
export const RESOURCE_ACCESS: Record<string, ResourceAccess> = {
  enterprises: { read: 'enterprise.read', write: 'enterprise.write' },
  accounts: { read: 'accounts.read', write: 'accounts.write' },
  roles: { read: 'roles.read', write: 'roles.write' },
  employees: { read: 'employees.read', write: 'employees.write' },
  notifications: { open: true },
  // 供销关系: /partnerships is the supplier's page, /my-suppliers the seller's (read only)
  partnerships: { read: 'partnerships.read', write: 'partnerships.write', sides: ['supplier'] },
  'my-suppliers': { read: 'partnerships.read', sides: ['seller'] },
  // names and kinds of the active enterprises: readable by every signed-in user (partner and audience pickers)
  'enterprise-directory': { open: true },
  // 账户管理: /prepaid-accounts (+ /credit) is the supplier's page, /my-accounts (+ /credit) the seller's (read only)
  'prepaid-accounts': { read: 'ledger.read', write: 'ledger.write', sides: ['supplier'] },
  'prepaid-accounts/credit': { read: 'ledger.read', write: 'ledger.write', sides: ['supplier'] },
  'my-accounts': { read: 'ledger.read', sides: ['seller'] },
  'my-accounts/credit': { read: 'ledger.read', sides: ['seller'] },
  'credit-accounts': { read: 'ledger.read', write: 'ledger.write' },
  // read only on both sides (each account page lists its own)
  'account-transactions': { read: 'ledger.read' },
  // 资源在线: my resources (+ the 我的收藏 tab nested under it), everybody else's visible ones (read only);
  // a favourite is the user's own bookmark, kept with resources.read
  resources: { read: 'resources.read', write: 'resources.write' },
  'resources/favourites': { read: 'resources.read', write: 'resources.read' },
  'resource-favourites': { read: 'resources.read', write: 'resources.read' },
  'all-resources': { read: 'resources.read' },
  // 商机管理: mine; the received ones (respond / withdraw need opportunities.write); the responses (read only)
  opportunities: { read: 'opportunities.read', write: 'opportunities.write' },
  'received-opportunities': { read: 'opportunities.read', write: 'opportunities.write' },
  'opportunity-responses': { read: 'opportunities.read' },
  // 公告管理: my announcements need announcements.write even to read (as the MENU item); reading one
  // received marks it read with announcements.read
  announcements: { read: 'announcements.write', write: 'announcements.write' },
  'received-announcements': { read: 'announcements.read', verbs: { read: 'announcements.read' } },
  // 我的交流: threads and messages, one key for everything
  conversations: { read: 'conversations.use', write: 'conversations.use' },
  'conversation-messages': { read: 'conversations.use', write: 'conversations.use' },
  products: { read: 'products.read', write: 'products.write' },
  'products/ticket': { read: 'products.read', write: 'products.write', sides: ['supplier'] },
  'products/catering': { read: 'products.read', write: 'products.write', sides: ['supplier'] },
  'products/retail': { read: 'products.read', write: 'products.write', sides: ['supplier'] },
  'products/coupon': { read: 'products.read', write: 'products.write', sides: ['supplier'] },
  'products/combo': { read: 'products.read', write: 'products.write', sides: ['supplier'] },
  // 库存管理: the page lists products; maintaining stock (stock-days) needs stock.write
  stock: { read: 'products.read', write: 'stock.write', sides: ['supplier'] },
  'stock-days': { read: 'products.read', write: 'stock.write' },
  agreements: { read: 'agreements.read', write: 'agreements.write', sides: ['supplier'] },
  'my-agreements': { read: 'agreements.read', sides: ['seller'] },
  strategies: { read: 'strategies.read', write: 'strategies.write' },
  'strategies/individual': { read: 'strategies.read', write: 'strategies.write', sides: ['supplier'] },
  'strategies/gov': { read: 'strategies.read', write: 'strategies.write', sides: ['supplier'] },
  orders: { read: 'orders.read', write: 'orders.place', verbs: { ...SELLER_ORDER_VERBS, ...SUPPLIER_ORDER_VERBS } },
  'cart-items': { read: 'orders.place', write: 'orders.place' },
  catalogue: { read: 'orders.place' },
  // 订单下达: the catalogue of each channel (its create page is the order form), the two carts
  'order/individual': { read: 'orders.place', write: 'orders.place', sides: ['seller'] },
  'order/gov': { read: 'orders.place', write: 'orders.place', sides: ['seller'] },
  cart: { read: 'orders.place', write: 'orders.place', sides: ['seller'] },
  'cart/gov': { read: 'orders.place', write: 'orders.place', sides: ['seller'] },
  // 我的订单 (seller) and 订单管理 (supplier): one server resource, each side only its own verbs
  'my-orders': { read: 'orders.read', sides: ['seller'], verbs: SELLER_ORDER_VERBS },
  'orders/individual': { read: 'orders.read', sides: ['supplier'], verbs: SUPPLIER_ORDER_VERBS },
  'orders/gov': { read: 'orders.read', sides: ['supplier'], verbs: SUPPLIER_ORDER_VERBS },
  'orders/employee': { read: 'orders.read', sides: ['supplier'], verbs: SUPPLIER_ORDER_VERBS },
  // 激励管理: my enterprise's records of one kind per page (read only, both sides); the rules (read only) feed the filter
  'incentives/collaboration': { read: 'incentives.read' },
  'incentives/bonus': { read: 'incentives.read' },
  'incentive-records': { read: 'incentives.read' },
  'incentive-rules': { read: 'incentives.read' },
  // 报表管理: not a CRUD page (GET /orders/report, /orders/report-export); the page checks this itself
  reports: { read: 'reports.read' },
};

/** react-admin actions that only read; every other action (create, edit, delete, clone, custom verbs) writes. */
export const READ_ACTIONS = ['list', 'show', 'export', 'read'];

export interface AccessSubject {
  kind: EnterpriseKind;
  permissions: readonly string[];
}

/** Whether a permission key is granted AND belongs to a side the enterprise kind opens. */
export function hasPermission(subject: AccessSubject, key: string): boolean {
  if (!isPermissionKey(key) || !subject.permissions.includes(key)) return false;
  const sides = sidesOf(subject.kind);
  return (PERMISSIONS[key].sides as readonly Side[]).some((side) => sides.includes(side));
}

/** The permission key a resource + action needs; null when nothing grants it. */
export function permissionFor(resource: string, action: string): PermissionKey | 'open' | null {
  const entry = RESOURCE_ACCESS[resource];
  if (!entry) return null;
  if (entry.open) return 'open';
  if (entry.verbs && Object.prototype.hasOwnProperty.call(entry.verbs, action)) return entry.verbs[action] ?? null;
  const key = READ_ACTIONS.includes(action) ? entry.read : entry.write;
  return key ?? null;
}

export function canAccessWith(
  subject: AccessSubject | null | undefined,
  resource: string,
  action: string,
): boolean {
  if (!subject) return false;
  const sides = RESOURCE_ACCESS[resource]?.sides;
  if (sides && !sides.some((side) => sidesOf(subject.kind).includes(side))) return false;
  const key = permissionFor(resource, action);
  if (key === 'open') return true;
  if (!key) return false;
  return hasPermission(subject, key);
}

/**
 * Whether the subject may post a verb (POST /<resource>/<id>/<verb>) on a page: the verb's own key
 * where the resource lists it, else write access (`edit`).
 */
export function canRunVerb(subject: AccessSubject | null | undefined, resource: string, verb: string): boolean {
  const verbs = RESOURCE_ACCESS[resource]?.verbs;
  return canAccessWith(subject, resource, verbs && Object.prototype.hasOwnProperty.call(verbs, verb) ? verb : 'edit');
}

export function flattenMenu(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => (item.children ? flattenMenu(item.children) : [item]));
}

/** The menu a subject sees (as @cop/config's menuFor), flattened to the items that have a path. */
export function visibleMenuItems(subject: AccessSubject | null | undefined): MenuItem[] {
  if (!subject) return [];
  return flattenMenu(menuFor(subject.kind, subject.permissions)).filter((item) => !!item.path);
}

/** Whether the menu item at this path is visible to the subject (used for the "coming soon" pages). */
export function canSeeMenuPath(subject: AccessSubject | null | undefined, path: string): boolean {
  return visibleMenuItems(subject).some((item) => item.path === path);
}

/** The menu item a location belongs to: exact path, or the longest path prefix ('/' only exactly). */
export function matchMenuItem(items: MenuItem[], pathname: string): MenuItem | undefined {
  let best: MenuItem | undefined;
  for (const item of items) {
    const path = item.path;
    if (!path) continue;
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (!best || path.length > (best.path ?? '').length)) best = item;
  }
  return best;
}
