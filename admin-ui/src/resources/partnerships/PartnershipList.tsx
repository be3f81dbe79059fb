import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField, EnumChip, WithOwnEnterprise } from '../shared';
import { ResumePartnershipButton, StopPartnershipButton } from './buttons';
import { partnershipStatusChoices, partnershipStatusColors } from './status';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={partnershipStatusChoices} alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** 供销关系信息管理 (supplier): the sellers this enterprise supplies. */
export const PartnershipList = () => (
  <WithOwnEnterprise>
    {(enterpriseId) => (
      <List
        filter={enterpriseId ? { supplierId: enterpriseId } : undefined}
        filters={filters}
        actions={<ListActions />}
        exporter={false}
        sort={{ field: 'createdAt', order: 'DESC' }}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="id" />
          <DataTable.Col source="sellerName" disableSort />
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
          <DataTable.Col>
            <ShowButton />
            <StopPartnershipButton />
            <ResumePartnershipButton />
          </DataTable.Col>
        </DataTable>
      </List>
    )}
  </WithOwnEnterprise>
);
