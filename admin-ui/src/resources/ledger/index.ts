import { createElement } from 'react';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import CreditScoreIcon from '@mui/icons-material/CreditScore';
import { AccountList } from './AccountList';
import { AccountCreate } from './AccountCreate';
import { AccountShow } from './AccountShow';
import type { AccountKind, LedgerSide } from './types';

const ICONS = { prepaid: AccountBalanceWalletIcon, credit: CreditScoreIcon };

/** The pages of one kind of account on one side (server resource prepaid-accounts / credit-accounts). */
export const accountPages = (side: LedgerSide, kind: AccountKind) => ({
  list: () => createElement(AccountList, { side, kind }),
  show: () => createElement(AccountShow, { side, kind }),
  ...(side === 'supplier' ? { create: () => createElement(AccountCreate, { kind }) } : {}),
  icon: ICONS[kind],
  recordRepresentation: (record: { sellerName?: string | null; supplierName?: string | null }) =>
    (side === 'supplier' ? record.sellerName : record.supplierName) ?? '',
});

/**
 * /prepaid-accounts — 供货方账户管理 (supplier side): the prepaid accounts at the MENU path, the
 * credit accounts at /prepaid-accounts/credit, tabs between them.
 */
export default {
  prepaid: accountPages('supplier', 'prepaid'),
  credit: accountPages('supplier', 'credit'),
};
