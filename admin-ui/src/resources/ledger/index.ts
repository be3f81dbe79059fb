import { createElement } from 'react';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import CreditScoreIcon from '@mui/icons-material/CreditScore';
import type { AccountKind, LedgerSide } from './types';
import { lazyPage } from '../../common/lazyPage';

const AccountList = lazyPage(() => import('./AccountList').then((m) => m.AccountList));
const AccountCreate = lazyPage(() => import('./AccountCreate').then((m) => m.AccountCreate));
const AccountShow = lazyPage(() => import('./AccountShow').then((m) => m.AccountShow));

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
