import { accountPages } from '../ledger';

/**
 * /my-accounts — 销售方账户管理 (seller side, read only): the prepaid accounts at the MENU path
 * (server resource prepaid-accounts), the credit accounts at /my-accounts/credit (credit-accounts).
 */
export default {
  prepaid: accountPages('seller', 'prepaid'),
  credit: accountPages('seller', 'credit'),
};
