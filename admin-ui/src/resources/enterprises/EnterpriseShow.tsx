import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../shared';
import { EnterpriseKindField, EnterpriseStatusField } from './fields';

const ShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const EnterpriseShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="creditCode" />
      <EnterpriseKindField source="kind" />
      <EnterpriseStatusField source="status" />
      <TextField source="contactName" emptyText="-" />
      <TextField source="contactPhone" emptyText="-" />
      <TextField source="address" emptyText="-" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
