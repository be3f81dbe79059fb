import { Box, Divider } from '@mui/material';
import { Labeled, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { AccountButtons } from './AccountList';
import { AccountFigures } from './fields';
import { AccountTransactions } from './TransactionList';
import { accountStatusColors, type AccountKind, type AccountRecord, type LedgerSide } from './types';

const ShowActions = ({ kind }: { kind: AccountKind }) => (
  <TopToolbar>
    <AccountButtons kind={kind} />
  </TopToolbar>
);

/** '预付款账户 · 销售方甲': the kind and the other party. */
const AccountTitle = ({ side, kind }: { side: LedgerSide; kind: AccountKind }) => {
  const translate = useTranslate();
  const record = useRecordContext<AccountRecord>();
  const other = side === 'supplier' ? record?.sellerName : record?.supplierName;
  return <span>{[translate(`cop.ledger.tab_${kind}`), other].filter(Boolean).join(' · ')}</span>;
};

/** Who the account is between, its status and since when. */
const AccountDetails = () => (
  <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', px: 2, pb: 1 }}>
    <Labeled source="supplierName">
      <TextField source="supplierName" emptyText="-" />
    </Labeled>
    <Labeled source="sellerName">
      <TextField source="sellerName" emptyText="-" />
    </Labeled>
    <Labeled source="status">
      <EnumChip source="status" namespace="account_status" colors={accountStatusColors} />
    </Labeled>
    <Labeled source="createdAt">
      <DateTimeField source="createdAt" />
    </Labeled>
  </Box>
);

/**
 * One account: its figures, who it is between, and its transactions. The supplier (ledger.write)
 * gets the verbs; the seller's page is read only.
 */
export const AccountShow = ({ side, kind }: { side: LedgerSide; kind: AccountKind }) => (
  <Show actions={side === 'supplier' ? <ShowActions kind={kind} /> : false} title={<AccountTitle side={side} kind={kind} />}>
    <AccountFigures kind={kind} />
    <AccountDetails />
    <Divider />
    <AccountTransactions />
  </Show>
);
