import { Edit } from 'react-admin';
import { pickFields } from '../shared';
import { EMPLOYEE_WRITABLE, EmployeeForm } from './EmployeeForm';

export const EmployeeEdit = () => (
  <Edit mutationMode="pessimistic" transform={pickFields(EMPLOYEE_WRITABLE)} redirect="list">
    <EmployeeForm />
  </Edit>
);
