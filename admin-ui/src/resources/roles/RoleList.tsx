import {
  CreateButton,
  DataTable,
  EditButton,
  FunctionField,
  List,
  SearchInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../shared';
import { RoleDeleteButton } from './RoleDeleteButton';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const PermissionCount = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: { permissions?: string[] }) =>
        translate('cop.roles.permission_count', { smart_count: record.permissions?.length ?? 0 })
      }
    />
  );
};

export const RoleList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
    exporter={false}
    sort={{ field: 'id', order: 'ASC' }}
  >
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="description" disableSort />
      <DataTable.Col source="permissions" disableSort>
        <PermissionCount />
      </DataTable.Col>
      <DataTable.Col source="holders" disableSort>
        <FunctionField render={(record: { holders?: string[] }) => record.holders?.join('、') || '-'} />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <EditButton />
        <RoleDeleteButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
