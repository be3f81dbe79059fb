import { SimpleForm, TextInput, maxLength, required, type SimpleFormProps } from 'react-admin';
import { PermissionsInput } from './PermissionsInput';

export const RoleForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm defaultValues={{ permissions: [] }} {...props}>
    <TextInput source="name" validate={[required(), maxLength(50)]} />
    <TextInput source="description" multiline fullWidth validate={maxLength(200)} />
    <PermissionsInput />
  </SimpleForm>
);
