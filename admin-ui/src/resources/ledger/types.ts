import { enumChoices } from '../shared';

/** The two account kinds a supplier keeps for each partner seller (server resources prepaid-accounts / credit-accounts). */
export type AccountKind = 'prepaid' | 'credit';
/** Which party looks at the accounts: the supplier keeps them, the seller only reads them. */
export type LedgerSide = 'supplier' | 'seller';

export const ACCOUNT_STATUSES = ['enabled', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const accountStatusChoices = enumChoices('account_status', ACCOUNT_STATUSES);
export const accountStatusColors = { enabled: 'success', disabled: 'default' } as const;

export const TRANSACTION_KINDS = ['topup', 'freeze', 'capture', 'release', 'refund', 'repayment', 'adjustment', 'limit'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];
export const transactionKindChoices = enumChoices('transaction_kind', TRANSACTION_KINDS);
export const transactionKindColors = {
  topup: 'success',
  repayment: 'success',
  refund: 'info',
  freeze: 'warning',
  release: 'default',
  capture: 'error',
  adjustment: 'secondary',
  limit: 'primary',
} as const;

/** An account as GET /prepaid-accounts and /credit-accounts answer (money in integer fen). */
export interface AccountRecord {
  id: number;
  supplierId: number;
  sellerId: number;
  supplierName?: string | null;
  sellerName?: string | null;
  status: AccountStatus;
  available: number;
  frozen: number;
  /** prepaid only */
  balance?: number;
  /** credit only */
  creditLimit?: number;
  unpaid?: number;
  validFrom?: string | null;
  validTo?: string | null;
  createdAt?: string;
}

export interface TransactionRecord {
  id: number;
  transferId: string;
  accountId: number;
  supplierId: number;
  sellerId: number;
  kind: TransactionKind;
  direction: 'in' | 'out';
  amount: number;
  /** What the balance gained (+) or lost (−): 0 for freezes, releases and limit changes. */
  postedAmount?: number;
  /** How the frozen amount moved: + a freeze, − a release or the freeze a capture resolves. */
  frozenChange?: number;
  availableAfter: number;
  frozenAfter: number;
  orderRef?: string | null;
  reference?: string | null;
  note?: string | null;
  operatorName?: string | null;
  createdAt: string;
}

/**
 * The console resources of the account pages: each side has a page per kind, the prepaid one at
 * the MENU path and the credit one nested under it (/prepaid-accounts/credit, /my-accounts/credit).
 */
export const ACCOUNT_PAGES: Record<LedgerSide, Record<AccountKind, string>> = {
  supplier: { prepaid: 'prepaid-accounts', credit: 'prepaid-accounts/credit' },
  seller: { prepaid: 'my-accounts', credit: 'my-accounts/credit' },
};

/** The server resource of the transactions (read only, both sides). */
export const TRANSACTIONS_RESOURCE = 'account-transactions';

/** Free-text limits of the verbs (the server cuts longer texts). */
export const REFERENCE_MAX = 100;
export const NOTE_MAX = 200;
/** The largest amount the ledger accepts: 10^12 fen. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

/** A signed amount for a transaction: money in is positive, money out negative. */
export const signedAmount = (record: Pick<TransactionRecord, 'amount' | 'direction'>) =>
  record.direction === 'out' ? -record.amount : record.amount;

/**
 * A statement line's 金额 and 冻结 figures: the server's `postedAmount` / `frozenChange`, or (from an
 * older server) derived from the kind. A freeze and its capture count once in 金额.
 */
export function statementAmounts(record: Pick<TransactionRecord, 'kind' | 'amount' | 'direction' | 'postedAmount' | 'frozenChange'>) {
  if (typeof record.postedAmount === 'number' && typeof record.frozenChange === 'number') {
    return { posted: record.postedAmount, frozen: record.frozenChange };
  }
  switch (record.kind) {
    case 'freeze': return { posted: 0, frozen: record.amount };
    case 'release': return { posted: 0, frozen: -record.amount };
    case 'capture': return { posted: signedAmount(record), frozen: -record.amount };
    case 'limit': return { posted: 0, frozen: 0 };
    default: return { posted: signedAmount(record), frozen: 0 };
  }
}
