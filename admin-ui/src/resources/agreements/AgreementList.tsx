import {
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TopToolbar,
} from 'react-admin';
import { DateTimeField, DayField, EnumChip, WithOwnEnterprise } from '../shared';
import { ConfirmAgreementButton, DeleteDraftButton, EditDraftButton, TerminateAgreementButton } from './buttons';
import { agreementStatusChoices, agreementStatusColors, sellerAgreementStatusChoices } from './types';

export type AgreementSide = 'supplier' | 'seller';

const filtersFor = (side: AgreementSide) => [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={side === 'seller' ? sellerAgreementStatusChoices : agreementStatusChoices}
    alwaysOn
  />,
  <DateInput key="validFrom_gte" source="validFrom_gte" label="cop.agreements.valid_from_gte" />,
  <DateInput key="validTo_lte" source="validTo_lte" label="cop.agreements.valid_to_lte" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/**
 * 内部电子协议: the supplier's agreements (/agreements) or, read only, the seller's (/my-agreements:
 * drafts are never shown to the seller). Each side filters on its own enterprise.
 */
export const AgreementList = ({ side }: { side: AgreementSide }) => (
  <WithOwnEnterprise>
    {(enterpriseId) => (
      <List
        filter={enterpriseId ? (side === 'supplier' ? { supplierId: enterpriseId } : { sellerId: enterpriseId }) : undefined}
        filters={filtersFor(side)}
        actions={<ListActions />}
        exporter={false}
        sort={{ field: 'createdAt', order: 'DESC' }}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="number" />
          <DataTable.Col source="title" disableSort />
          {side === 'supplier' ? (
            <DataTable.Col source="sellerName" disableSort />
          ) : (
            <DataTable.Col source="supplierName" disableSort />
          )}
          <DataTable.Col source="validFrom">
            <DayField source="validFrom" />
          </DataTable.Col>
          <DataTable.Col source="validTo" disableSort>
            <DayField source="validTo" />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <EnumChip source="status" namespace="agreement_status" colors={agreementStatusColors} />
          </DataTable.Col>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col>
            <ShowButton />
            <EditDraftButton />
            <ConfirmAgreementButton />
            <TerminateAgreementButton />
            <DeleteDraftButton />
          </DataTable.Col>
        </DataTable>
      </List>
    )}
  </WithOwnEnterprise>
);
