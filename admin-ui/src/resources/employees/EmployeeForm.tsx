import { SelectInput, SimpleForm, TextInput, email, maxLength, required } from 'react-admin';
import { validatePhone } from '../shared';
import { employeeStatusChoices } from './status';

export const EMPLOYEE_WRITABLE = ['employeeNo', 'name', 'phone', 'email', 'department', 'position', 'status'] as const;

export const EmployeeForm = () => (
  <SimpleForm defaultValues={{ status: 'active' }}>
    <TextInput source="employeeNo" validate={[required(), maxLength(32)]} />
    <TextInput source="name" validate={[required(), maxLength(50)]} />
    <TextInput source="phone" validate={validatePhone} />
    <TextInput source="email" type="email" validate={email()} />
    <TextInput source="department" validate={maxLength(50)} />
    <TextInput source="position" validate={maxLength(50)} />
    <SelectInput source="status" choices={employeeStatusChoices} validate={required()} />
  </SimpleForm>
);
