import type { ResourceProps } from 'react-admin';
import type { MenuItem } from '@cop/config';
import partnerships from './partnerships';
import mySuppliers from './my-suppliers';
import products from './products';
import stock from './stock';
import strategies from './strategies';
import agreements from './agreements';
import myAgreements from './my-agreements';
import ledger from './ledger';
import myAccounts from './my-accounts';
import ordering from './ordering';
import cart from './cart';
import orders, { myOrders } from './orders';
import myResources, { favourites } from './my-resources';
import allResources from './all-resources';
import opportunities from './opportunities';
import receivedOpportunities from './received-opportunities';
import announcements from './announcements';
import receivedAnnouncements from './received-announcements';
import conversations from './conversations';
import incentives from './incentives';
import reports from './reports';

/**
 * The MENU paths this console implements beyond the resources registered one by one in App.tsx,
 * path → pages. Each is a react-admin resource named after its path without the leading slash
 * (apiResources.ts maps it to its server resource, auth/access.ts guards it), so the menu item opens
 * its list and the create / edit / show pages live under the same path. A few pages are nested under
 * a MENU path (/prepaid-accounts/credit: the second tab of 供货方账户管理; /cart/gov: the gov cart;
 * /resources/favourites: the 我的收藏 tab of 我的资源) and belong to its item.
 */
export const PAGE_RESOURCES: Record<string, Omit<ResourceProps, 'name'>> = {
  '/partnerships': partnerships,
  '/my-suppliers': mySuppliers,
  '/products/ticket': products.ticket,
  '/products/catering': products.catering,
  '/products/retail': products.retail,
  '/products/coupon': products.coupon,
  '/products/combo': products.combo,
  '/stock': stock,
  '/agreements': agreements,
  '/my-agreements': myAgreements,
  '/prepaid-accounts': ledger.prepaid,
  '/prepaid-accounts/credit': ledger.credit,
  '/my-accounts': myAccounts.prepaid,
  '/my-accounts/credit': myAccounts.credit,
  '/strategies/individual': strategies.individual,
  '/strategies/gov': strategies.gov,
  '/order/individual': ordering.individual,
  '/order/gov': ordering.gov,
  '/cart': cart.individual,
  '/cart/gov': cart.gov,
  '/my-orders': myOrders,
  '/orders/individual': orders.individual,
  '/orders/gov': orders.gov,
  '/orders/employee': orders.employee,
  // 资源在线 (+ the 我的收藏 tab nested under 我的资源), 商机管理, 公告管理, 我的交流
  '/resources': myResources,
  '/resources/favourites': favourites,
  '/all-resources': allResources,
  '/opportunities': opportunities,
  '/received-opportunities': receivedOpportunities,
  '/announcements': announcements,
  '/received-announcements': receivedAnnouncements,
  '/conversations': conversations,
  // 激励管理 (协同值明细, 奖金值明细) and 报表管理 (a page of its own, not a CRUD list)
  '/incentives/collaboration': incentives.collaboration,
  '/incentives/bonus': incentives.bonus,
  '/reports': reports,
};

/** The react-admin resource name of a page path ('/products/ticket' → 'products/ticket'). */
export const resourceNameOf = (path: string) => path.replace(/^\//, '');

/** Whether a MENU item opens a real page (else it gets the "coming soon" page). */
export const isImplemented = (item: MenuItem) =>
  item.ready === true || (!!item.path && Object.prototype.hasOwnProperty.call(PAGE_RESOURCES, item.path));
