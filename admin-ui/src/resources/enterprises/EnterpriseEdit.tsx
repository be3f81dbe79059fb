import { Edit, SaveButton, ShowButton, SimpleForm, TextInput, Toolbar, TopToolbar, maxLength } from 'react-admin';
import { pickFields, validatePhone } from '../shared';

/** The only fields enterprise.write may change. */
export const ENTERPRISE_WRITABLE = ['contactName', 'contactPhone', 'address'] as const;

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const EnterpriseEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    actions={<EditActions />}
    transform={pickFields(ENTERPRISE_WRITABLE)}
  >
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="name" readOnly />
      <TextInput source="creditCode" readOnly />
      <TextInput source="contactName" validate={maxLength(50)} />
      <TextInput source="contactPhone" validate={validatePhone} />
      <TextInput source="address" multiline fullWidth validate={maxLength(200)} />
    </SimpleForm>
  </Edit>
);
