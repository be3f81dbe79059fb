import {
  BooleanField,
  CreateButton,
  DataTable,
  DeleteButton,
  EditButton,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { createdAtFilters, DateTimeField } from '../shared';
import { LockedField, UnlockButton } from './locks';
import { ResetPasswordButton } from './ResetPasswordButton';
import { RoleNamesField } from './roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="blocked" source="blocked" />,
  ...createdAtFilters,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** The enterprise administrator account cannot be deleted from here. */
const DeleteUnlessAdmin = () => {
  const record = useRecordContext<{ isEnterpriseAdmin?: boolean }>();
  if (!record || record.isEnterpriseAdmin) return null;
  return <DeleteButton mutationMode="pessimistic" />;
};

export const AccountList = () => (
  <List filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="roleIds" disableSort>
        <RoleNamesField />
      </DataTable.Col>
      <DataTable.Col source="isEnterpriseAdmin" disableSort>
        <BooleanField source="isEnterpriseAdmin" />
      </DataTable.Col>
      <DataTable.Col source="blocked" disableSort>
        <BooleanField source="blocked" />
      </DataTable.Col>
      <DataTable.Col source="locked" disableSort>
        <LockedField />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <EditButton />
        <UnlockButton />
        <ResetPasswordButton />
        <DeleteUnlessAdmin />
      </DataTable.Col>
    </DataTable>
  </List>
);
