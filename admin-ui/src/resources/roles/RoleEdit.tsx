import { Edit } from 'react-admin';
import { pickFields } from '../shared';
import { RoleForm } from './RoleForm';

export const ROLE_WRITABLE = ['name', 'description', 'permissions'] as const;

export const RoleEdit = () => (
  <Edit mutationMode="pessimistic" transform={pickFields(ROLE_WRITABLE)} redirect="list">
    <RoleForm />
  </Edit>
);
