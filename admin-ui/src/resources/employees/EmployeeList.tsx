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
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Chip } from '@mui/material';
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

/** Whether the employee can sign in to the mini-program (a password was set with 小程序密码). */
const MiniPasswordChip = () => {
  const record = useRecordContext<{ hasMiniPassword?: boolean }>();
  const translate = useTranslate();
  const set = !!record?.hasMiniPassword;
  return (
    <Chip size="small" variant="outlined" color={set ? 'success' : 'default'} data-testid="mini-password-state"
      label={translate(set ? 'cop.employees.mini_password_set' : 'cop.employees.mini_password_unset')} />
  );
};

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
      <DataTable.Col source="hasMiniPassword" disableSort>
        <MiniPasswordChip />
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
