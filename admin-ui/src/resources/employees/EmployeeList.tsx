import {
  CreateButton,
  DataTable,
  DeleteButton,
  EditButton,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { createdAtFilters, DateTimeField } from '../shared';
import { ImportButton } from './ImportButton';
import { TemplateButton } from './TemplateButton';
import { employeeStatusChoices } from './status';
import { ResetPasswordButton } from '../accounts/ResetPasswordButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="department" source="department" />,
  <SelectInput key="status" source="status" choices={employeeStatusChoices} />,
  ...createdAtFilters,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <TemplateButton />
    <ImportButton />
  </TopToolbar>
);

export const EmployeeList = () => (
  // empty={false}: a new enterprise must see the import and template buttons before it has any employee
  <List filters={filters} actions={<ListActions />} exporter={false} empty={false} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="employeeNo" />
      <DataTable.Col source="name" />
      <DataTable.Col source="department" />
      <DataTable.Col source="position" disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={employeeStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <EditButton />
        <ResetPasswordButton resource="employees" verb="set-mini-password" label="cop.employees.mini_password"
          title="cop.employees.mini_password_title" done="cop.employees.mini_password_done" testId="mini-password" />
        <DeleteButton mutationMode="pessimistic" />
      </DataTable.Col>
    </DataTable>
  </List>
);
