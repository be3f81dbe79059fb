import { Side, sidesOf, EnterpriseKind } from './enterprise';
import { PermissionKey } from './permissions';

/**
 * The console menus of both sides, as the manual lays them out.
 * `path` is the console route; `permission` the key a user needs to see it (and the server
 * needs to serve it); `ready: false` marks pages that later work fills ("coming soon").
 */
export interface MenuItem {
  key: string;
  zh: string;
  en: string;
  path?: string;
  permission?: PermissionKey;
  sides?: Side[];
  ready?: boolean;
  children?: MenuItem[];
}

export const MENU: MenuItem[] = [
  { key: 'home', zh: '首页', en: 'Home', path: '/', ready: true },
  {
    key: 'users', zh: '用户管理', en: 'Administration', children: [
      { key: 'enterprise', zh: '企业主数据', en: 'Enterprise data', path: '/enterprises', permission: 'enterprise.read', ready: true },
      { key: 'accounts', zh: '企业子账号', en: 'Sub-accounts', path: '/accounts', permission: 'accounts.read', ready: true },
      { key: 'roles', zh: '角色权限', en: 'Roles', path: '/roles', permission: 'roles.read', ready: true },
      { key: 'employees', zh: '员工管理', en: 'Employees', path: '/employees', permission: 'employees.read', ready: true },
      { key: 'partnerships', zh: '供销关系信息管理', en: 'Partnerships', path: '/partnerships', permission: 'partnerships.read', sides: ['supplier'], ready: true },
      { key: 'my-suppliers', zh: '我的供货方', en: 'My suppliers', path: '/my-suppliers', permission: 'partnerships.read', sides: ['seller'], ready: true },
      { key: 'supplier-accounts', zh: '供货方账户管理', en: 'Seller accounts', path: '/prepaid-accounts', permission: 'ledger.read', sides: ['supplier'], ready: true },
      { key: 'seller-accounts', zh: '销售方账户管理', en: 'My accounts', path: '/my-accounts', permission: 'ledger.read', sides: ['seller'], ready: true },
    ],
  },
  {
    key: 'resources', zh: '资源在线', en: 'Resources', children: [
      { key: 'my-resources', zh: '我的资源', en: 'My resources', path: '/resources', permission: 'resources.read', ready: true },
      { key: 'all-resources', zh: '全部资源', en: 'All resources', path: '/all-resources', permission: 'resources.read', ready: true },
    ],
  },
  {
    key: 'opportunities', zh: '商机管理', en: 'Opportunities', children: [
      { key: 'publish-opportunities', zh: '发布商机', en: 'Published', path: '/opportunities', permission: 'opportunities.read', ready: true },
      { key: 'receive-opportunities', zh: '接收商机', en: 'Received', path: '/received-opportunities', permission: 'opportunities.read', ready: true },
    ],
  },
  {
    key: 'announcements', zh: '公告管理', en: 'Announcements', children: [
      { key: 'publish-announcements', zh: '发布公告', en: 'Publish', path: '/announcements', permission: 'announcements.write', ready: true },
      { key: 'receive-announcements', zh: '接收公告', en: 'Received', path: '/received-announcements', permission: 'announcements.read', ready: true },
    ],
  },
  {
    key: 'products', zh: '产品管理', en: 'Products', sides: ['supplier'], children: [
      { key: 'ticket-products', zh: '门票产品', en: 'Tickets', path: '/products/ticket', permission: 'products.read', ready: true },
      { key: 'catering-products', zh: '餐饮产品', en: 'Catering', path: '/products/catering', permission: 'products.read', ready: true },
      { key: 'retail-products', zh: '零售产品', en: 'Retail', path: '/products/retail', permission: 'products.read', ready: true },
      { key: 'coupon-products', zh: '券产品', en: 'Coupons', path: '/products/coupon', permission: 'products.read', ready: true },
      { key: 'combo-products', zh: '组合产品', en: 'Combos', path: '/products/combo', permission: 'products.read', ready: true },
      { key: 'stock', zh: '库存管理', en: 'Stock calendar', path: '/stock', permission: 'products.read', ready: true },
    ],
  },
  {
    key: 'agreements', zh: '内部电子协议管理', en: 'E-agreements', children: [
      { key: 'supplier-agreements', zh: '供货方协议列表', en: 'Agreements', path: '/agreements', permission: 'agreements.read', sides: ['supplier'], ready: true },
      { key: 'seller-agreements', zh: '销售方协议列表', en: 'My agreements', path: '/my-agreements', permission: 'agreements.read', sides: ['seller'], ready: true },
    ],
  },
  {
    key: 'strategies', zh: '销售策略管理', en: 'Sales strategies', sides: ['supplier'], children: [
      { key: 'individual-strategies', zh: '个人客户销售策略', en: 'Individual channel', path: '/strategies/individual', permission: 'strategies.read', ready: true },
      { key: 'gov-strategies', zh: '政府企业销售策略', en: 'Gov-enterprise channel', path: '/strategies/gov', permission: 'strategies.read', ready: true },
    ],
  },
  {
    key: 'ordering', zh: '订单下达', en: 'Ordering', sides: ['seller'], children: [
      { key: 'order-individual', zh: '代理个人客户下单', en: 'Order for individuals', path: '/order/individual', permission: 'orders.place', ready: true },
      { key: 'order-gov', zh: '代理政府企业客户下单', en: 'Order for gov-enterprise', path: '/order/gov', permission: 'orders.place', ready: true },
      { key: 'cart', zh: '购物车', en: 'Cart', path: '/cart', permission: 'orders.place', ready: true },
    ],
  },
  { key: 'my-orders', zh: '我的订单', en: 'My orders', path: '/my-orders', permission: 'orders.read', sides: ['seller'], ready: true },
  {
    key: 'order-management', zh: '订单管理', en: 'Order management', sides: ['supplier'], children: [
      { key: 'individual-orders', zh: '个人客户订单', en: 'Individual orders', path: '/orders/individual', permission: 'orders.read', ready: true },
      { key: 'gov-orders', zh: '政府企业客户订单', en: 'Gov-enterprise orders', path: '/orders/gov', permission: 'orders.read', ready: true },
      { key: 'employee-orders', zh: '员工内购订单', en: 'Employee purchases', path: '/orders/employee', permission: 'orders.read', ready: true },
    ],
  },
  {
    key: 'incentives', zh: '激励管理', en: 'Incentives', children: [
      { key: 'collaboration-points', zh: '协同值明细', en: 'Collaboration points', path: '/incentives/collaboration', permission: 'incentives.read', ready: true },
      { key: 'bonus-points', zh: '奖金值明细', en: 'Bonus points', path: '/incentives/bonus', permission: 'incentives.read', ready: true },
    ],
  },
  { key: 'reports', zh: '报表管理', en: 'Reports', path: '/reports', permission: 'reports.read', ready: true },
  { key: 'notifications', zh: '我的消息', en: 'Messages', path: '/notifications', ready: true },
  { key: 'conversations', zh: '我的交流', en: 'Conversations', path: '/conversations', permission: 'conversations.use', ready: true },
];

function visible(item: MenuItem, sides: Side[], permissions: ReadonlySet<string>): boolean {
  if (item.sides && !item.sides.some((side) => sides.includes(side))) return false;
  if (item.permission && !permissions.has(item.permission)) return false;
  return true;
}

/** The menu one user sees: filtered by enterprise kind and the user's permissions. */
export function menuFor(kind: EnterpriseKind, permissions: Iterable<string>): MenuItem[] {
  const sides = sidesOf(kind);
  const granted = new Set(permissions);
  const walk = (items: MenuItem[]): MenuItem[] =>
    items.flatMap((item) => {
      if (!visible(item, sides, granted)) return [];
      if (!item.children) return [item];
      const children = walk(item.children);
      return children.length ? [{ ...item, children }] : [];
    });
  return walk(MENU);
}
