import { Create } from 'react-admin';
import { RoleForm } from './RoleForm';

export const RoleCreate = () => (
  <Create redirect="list">
    <RoleForm />
  </Create>
);
