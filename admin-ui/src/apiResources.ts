/**
 * Console pages whose route (= react-admin resource name = @cop/config MENU path without the
 * leading slash) differs from the server resource they read and write. The data provider sends
 * every call of an alias to its server resource; each page adds its own fixed filter.
 */
export const API_RESOURCE_ALIASES: Record<string, string> = {
  'my-suppliers': 'partnerships',
  'products/ticket': 'products',
  'products/catering': 'products',
  'products/retail': 'products',
  'products/coupon': 'products',
  'products/combo': 'products',
  stock: 'products',
  'strategies/individual': 'strategies',
  'strategies/gov': 'strategies',
  'my-agreements': 'agreements',
  // 账户管理: the prepaid tab is at the MENU path, the credit tab nested under it
  'prepaid-accounts/credit': 'credit-accounts',
  'my-accounts': 'prepaid-accounts',
  'my-accounts/credit': 'credit-accounts',
  // 订单下达: each channel's catalogue (the page adds its channel), the individual cart at the MENU
  // path and the gov cart nested under it
  'order/individual': 'catalogue',
  'order/gov': 'catalogue',
  cart: 'cart-items',
  'cart/gov': 'cart-items',
  // 我的订单 (seller) and the supplier's three order lists
  'my-orders': 'orders',
  'orders/individual': 'orders',
  'orders/gov': 'orders',
  'orders/employee': 'orders',
  // 我的资源: the 我的收藏 tab nested under the MENU path
  'resources/favourites': 'resource-favourites',
  // 激励管理: 协同值明细 and 奖金值明细, each page with its kind
  'incentives/collaboration': 'incentive-records',
  'incentives/bonus': 'incentive-records',
};

/** The server resource behind a console resource name. */
export const apiResource = (resource: string): string => API_RESOURCE_ALIASES[resource] ?? resource;
