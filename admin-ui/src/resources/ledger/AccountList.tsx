import { useMemo } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  CreateButton,
  DataTable,
  List,
  SelectInput,
  ShowButton,
  TopToolbar,
  useGetList,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumChip, MoneyField, WithOwnEnterprise } from '../shared';
import { AccountStatusButtons, RepayButton, SetLimitButton, TopUpButton } from './buttons';
import { ValidityField } from './fields';
import {
  ACCOUNT_PAGES,
  accountStatusChoices,
  accountStatusColors,
  type AccountKind,
  type AccountRecord,
  type LedgerSide,
} from './types';

/** The filter of a side's own accounts: the supplier keeps them, the seller holds them. */
export const ownAccountsFilter = (side: LedgerSide, enterpriseId: number | undefined) =>
  enterpriseId ? (side === 'supplier' ? { supplierId: enterpriseId } : { sellerId: enterpriseId }) : undefined;

/** The other party of an account as seen from a side. */
const counterparty = (side: LedgerSide) =>
  side === 'supplier' ? ({ id: 'sellerId', name: 'sellerName' } as const) : ({ id: 'supplierId', name: 'supplierName' } as const);

/** Enough for every account of one kind an enterprise keeps or holds. */
const ACCOUNTS_PER_PAGE = 1000;

/**
 * The enterprises on the other side of this side's accounts of one kind (choices of the
 * 选择供货方 / 选择销售方 filter), read from the accounts themselves (ledger.read is enough).
 */
function useCounterpartyChoices(side: LedgerSide, kind: AccountKind, enterpriseId: number | undefined) {
  const { data } = useGetList<AccountRecord>(ACCOUNT_PAGES[side][kind], {
    filter: ownAccountsFilter(side, enterpriseId) ?? {},
    pagination: { page: 1, perPage: ACCOUNTS_PER_PAGE },
    sort: { field: 'id', order: 'ASC' },
  });
  return useMemo(() => {
    const { id, name } = counterparty(side);
    const seen = new Map<number, string>();
    for (const account of data ?? []) if (!seen.has(account[id])) seen.set(account[id], account[name] ?? `#${account[id]}`);
    return [...seen].map(([value, label]) => ({ id: value, name: label }));
  }, [data, side]);
}

const filtersFor = (side: LedgerSide, choices: { id: number; name: string }[]) => [
  <SelectInput
    key={counterparty(side).id}
    source={counterparty(side).id}
    choices={choices}
    translateChoice={false}
    alwaysOn
    sx={{ minWidth: 200 }}
    data-testid="accounts-counterparty-filter"
  />,
  <SelectInput key="status" source="status" choices={accountStatusChoices} alwaysOn />,
];

/** 预付款账户 | 赊销账户: each kind is a page of its own (its own URL, filters and paging). */
export const AccountTabs = ({ side, kind }: { side: LedgerSide; kind: AccountKind }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', mt: 1 }}>
      <Tabs value={kind}>
        {(['prepaid', 'credit'] as const).map((tab) => (
          <Tab
            key={tab}
            value={tab}
            label={translate(`cop.ledger.tab_${tab}`)}
            component={Link}
            to={`/${ACCOUNT_PAGES[side][tab]}`}
            data-testid={`accounts-tab-${tab}`}
          />
        ))}
      </Tabs>
    </Box>
  );
};

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="cop.ledger.open" data-testid="account-open" />
  </TopToolbar>
);

/** The verbs of a supplier's account (each button checks ledger.write itself). */
export const AccountButtons = ({ kind }: { kind: AccountKind }) => (
  <>
    <AccountStatusButtons />
    {kind === 'prepaid' ? (
      <TopUpButton />
    ) : (
      <>
        <SetLimitButton />
        <RepayButton />
      </>
    )}
  </>
);

type ListProps = { side: LedgerSide; kind: AccountKind };

const AccountListView = ({ side, kind, enterpriseId }: ListProps & { enterpriseId: number | undefined }) => {
  const choices = useCounterpartyChoices(side, kind, enterpriseId);
  return (
    <>
      <AccountTabs side={side} kind={kind} />
      <List
        filter={ownAccountsFilter(side, enterpriseId)}
        filters={filtersFor(side, choices)}
        actions={side === 'supplier' ? <ListActions /> : false}
        title={`cop.ledger.title_${side}`}
        empty={false}
        exporter={false}
        sort={{ field: 'createdAt', order: 'DESC' }}
      >
        <DataTable bulkActionButtons={false} rowClick="show" data-testid={`accounts-${kind}`}>
          <DataTable.Col source={counterparty(side).name} disableSort />
          <DataTable.Col source="status" disableSort>
            <EnumChip source="status" namespace="account_status" colors={accountStatusColors} />
          </DataTable.Col>
          {kind === 'credit' ? (
            <DataTable.Col source="creditLimit" disableSort align="right">
              <MoneyField source="creditLimit" />
            </DataTable.Col>
          ) : null}
          <DataTable.Col source="available" disableSort align="right">
            <MoneyField source="available" />
          </DataTable.Col>
          {kind === 'credit' ? (
            <DataTable.Col source="unpaid" disableSort align="right">
              <MoneyField source="unpaid" />
            </DataTable.Col>
          ) : null}
          <DataTable.Col source="frozen" disableSort align="right">
            <MoneyField source="frozen" />
          </DataTable.Col>
          {kind === 'credit' ? (
            <DataTable.Col label="cop.ledger.validity" disableSort>
              <ValidityField />
            </DataTable.Col>
          ) : null}
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col>
            <ShowButton />
            {side === 'supplier' ? <AccountButtons kind={kind} /> : null}
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};

/**
 * 供货方账户管理 (supplier: the accounts it keeps for each partner seller, with their verbs) or
 * 销售方账户管理 (seller, read only: its accounts at every supplier). One page per kind, tabs between.
 */
export const AccountList = ({ side, kind }: ListProps) => (
  <WithOwnEnterprise>{(enterpriseId) => <AccountListView side={side} kind={kind} enterpriseId={enterpriseId} />}</WithOwnEnterprise>
);
