import { Box, Typography } from '@mui/material';
import {
  DataTable,
  DateInput,
  FilterButton,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumChip, MoneyField } from '../shared';
import { ExportListButton } from '../ExportButton';
import { StatementAmountField } from './fields';
import { TRANSACTIONS_RESOURCE, transactionKindChoices, transactionKindColors, type AccountRecord } from './types';

/** 交易时间 (whole days in Asia/Shanghai), 类型, 订单号 always shown; 参考号 on demand. */
const filters = [
  <DateInput key="createdAt_gte" source="createdAt_gte" label="cop.ledger.created_from" alwaysOn />,
  <DateInput key="createdAt_lte" source="createdAt_lte" label="cop.ledger.created_to" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={transactionKindChoices} alwaysOn />,
  <TextInput key="orderRef" source="orderRef" alwaysOn resettable data-testid="transactions-order-filter" />,
  <TextInput key="reference" source="reference" resettable />,
];

/** 导出: the Excel workbook of the transactions the list shows (its filters and sort), saved as a file. */
export const ExportTransactionsButton = () => (
  <ExportListButton label="cop.ledger.export" filename="cop.ledger.export_filename" testId="transactions-export" />
);

const TransactionActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportTransactionsButton />
  </TopToolbar>
);

/**
 * 交易流水 of the account in context (account-transactions filtered by accountId): newest first,
 * filterable by date range, kind and order number, exportable to Excel. Its filters live in the
 * page (not in the URL, which belongs to the account's show page).
 */
export const AccountTransactions = () => {
  const translate = useTranslate();
  const record = useRecordContext<AccountRecord>();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="account-transactions">
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate('cop.ledger.transactions')}
      </Typography>
      <List
        resource={TRANSACTIONS_RESOURCE}
        filter={{ accountId: record.id }}
        filters={filters}
        actions={<TransactionActions />}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={10}
        exporter={false}
        disableSyncWithLocation
        title={false}
        empty={false}
        component="div"
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="kind" disableSort>
            <EnumChip source="kind" namespace="transaction_kind" colors={transactionKindColors} />
          </DataTable.Col>
          <DataTable.Col source="postedAmount" disableSort align="right">
            <StatementAmountField which="posted" />
          </DataTable.Col>
          <DataTable.Col source="frozenChange" disableSort align="right">
            <StatementAmountField which="frozen" />
          </DataTable.Col>
          <DataTable.Col source="availableAfter" disableSort align="right">
            <MoneyField source="availableAfter" />
          </DataTable.Col>
          <DataTable.Col source="frozenAfter" disableSort align="right">
            <MoneyField source="frozenAfter" />
          </DataTable.Col>
          <DataTable.Col source="orderRef" disableSort>
            <TextField source="orderRef" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="reference" disableSort>
            <TextField source="reference" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="note" disableSort>
            <TextField source="note" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="operatorName" disableSort>
            <TextField source="operatorName" emptyText="-" />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
};
