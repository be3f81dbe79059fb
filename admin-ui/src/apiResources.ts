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
};

/** The server resource behind a console resource name. */
export const apiResource = (resource: string): string => API_RESOURCE_ALIASES[resource] ?? resource;
