import { Create } from 'react-admin';
import { EmployeeForm } from './EmployeeForm';

export const EmployeeCreate = () => (
  <Create redirect="list">
    <EmployeeForm />
  </Create>
);
