import { BooleanInput, Create, PasswordInput, SimpleForm, TextInput, email, maxLength, required } from 'react-admin';
import { validatePassword, validatePhone } from '../shared';
import { RolesInput } from './roles';

export const AccountCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ blocked: false, roleIds: [] }}>
      <TextInput source="username" validate={[required(), maxLength(50)]} autoComplete="off" />
      <PasswordInput source="password" validate={[required(), validatePassword]} autoComplete="new-password" />
      <TextInput source="displayName" validate={maxLength(50)} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <TextInput source="phone" validate={validatePhone} />
      <BooleanInput source="blocked" />
      <RolesInput />
    </SimpleForm>
  </Create>
);
