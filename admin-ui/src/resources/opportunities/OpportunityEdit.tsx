import { Alert } from '@mui/material';
import { Edit, ShowButton, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { EditTitle } from '../collaboration/fields';
import { opportunityBody, opportunityCan, type OpportunityRecord } from '../collaboration/types';
import { CloseOpportunityButton } from './buttons';
import { OPPORTUNITY_FORM_FIELDS } from './OpportunityCreate';
import { OpportunityForm } from './OpportunityForm';

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
    <CloseOpportunityButton />
  </TopToolbar>
);

/** Once somebody responded (or it is closed) the opportunity stays as it is. */
const EditableForm = () => {
  const translate = useTranslate();
  const record = useRecordContext<OpportunityRecord>();
  if (!record) return null;
  if (!opportunityCan.edit(record)) {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="opportunity-not-editable">
        {translate('cop.opportunities.not_editable')}
      </Alert>
    );
  }
  return <OpportunityForm />;
};

export const OpportunityEdit = () => {
  const onError = useServerErrorNotifier(OPPORTUNITY_FORM_FIELDS);
  return (
    <Edit title={<EditTitle />} mutationMode="pessimistic" redirect="show" actions={<EditActions />} mutationOptions={{ onError }} transform={opportunityBody}>
      <EditableForm />
    </Edit>
  );
};
