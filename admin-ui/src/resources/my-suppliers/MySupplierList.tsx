import { DataTable, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { DateTimeField, EnumChip, WithOwnEnterprise } from '../shared';
import { partnershipStatusChoices, partnershipStatusColors } from '../partnerships/status';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={partnershipStatusChoices} alwaysOn />,
];

/** 我的供货方 (seller, read only): the suppliers this enterprise sells for (partnerships resource). */
export const MySupplierList = () => (
  <WithOwnEnterprise>
    {(enterpriseId) => (
      <List
        filter={enterpriseId ? { sellerId: enterpriseId } : undefined}
        filters={filters}
        exporter={false}
        actions={false}
        sort={{ field: 'createdAt', order: 'DESC' }}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="supplierName" disableSort />
          <DataTable.Col source="status" disableSort>
            <EnumChip source="status" namespace="partnership_status" colors={partnershipStatusColors} />
          </DataTable.Col>
          <DataTable.Col source="stoppedAt" disableSort>
            <DateTimeField source="stoppedAt" />
          </DataTable.Col>
          <DataTable.Col source="stopReason" disableSort>
            <TextField source="stopReason" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </List>
    )}
  </WithOwnEnterprise>
);
