import { Alert } from '@mui/material';
import { Edit, ShowButton, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { EditTitle } from '../collaboration/fields';
import { resourceBody, resourceCan, type ResourceRecord } from '../collaboration/types';
import { CopyResourceButton, UnlistResourceButton } from './buttons';
import { RESOURCE_FORM_FIELDS } from './ResourceCreate';
import { ResourceForm } from './ResourceForm';

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
    <UnlistResourceButton />
    <CopyResourceButton />
  </TopToolbar>
);

/** A listed resource cannot be changed (PUT answers 409): 下架 first. */
const EditableForm = () => {
  const translate = useTranslate();
  const record = useRecordContext<ResourceRecord>();
  if (!record) return null;
  if (!resourceCan.edit(record)) {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="resource-not-editable">
        {translate('cop.resources.not_editable')}
      </Alert>
    );
  }
  return <ResourceForm />;
};

export const ResourceEdit = () => {
  const onError = useServerErrorNotifier(RESOURCE_FORM_FIELDS);
  return (
    <Edit title={<EditTitle />} mutationMode="pessimistic" redirect="show" actions={<EditActions />} mutationOptions={{ onError }} transform={resourceBody}>
      <EditableForm />
    </Edit>
  );
};
