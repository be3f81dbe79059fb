import {
  BooleanField,
  BooleanInput,
  DeleteButton,
  Edit,
  Labeled,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  email,
  maxLength,
  required,
  useRecordContext,
} from 'react-admin';
import { pickFields, validatePhone } from '../shared';
import { ResetPasswordButton } from './ResetPasswordButton';
import { RolesInput } from './roles';

/** isEnterpriseAdmin, createdAt and the password are not written through PUT. */
export const ACCOUNT_WRITABLE = ['username', 'email', 'displayName', 'phone', 'blocked', 'roleIds'] as const;

const EditActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
  </TopToolbar>
);

const EditToolbar = () => {
  const record = useRecordContext<{ isEnterpriseAdmin?: boolean }>();
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {record && !record.isEnterpriseAdmin ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
};

export const AccountEdit = () => (
  <Edit mutationMode="pessimistic" actions={<EditActions />} transform={pickFields(ACCOUNT_WRITABLE)} redirect="list">
    <SimpleForm toolbar={<EditToolbar />}>
      <Labeled source="isEnterpriseAdmin">
        <BooleanField source="isEnterpriseAdmin" />
      </Labeled>
      <TextInput source="username" validate={[required(), maxLength(50)]} autoComplete="off" />
      <TextInput source="displayName" validate={maxLength(50)} />
      <TextInput source="email" type="email" validate={email()} />
      <TextInput source="phone" validate={validatePhone} />
      <BooleanInput source="blocked" />
      <RolesInput />
    </SimpleForm>
  </Edit>
);
