import { Create } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { OPPORTUNITY_FIELDS, opportunityBody } from '../collaboration/types';
import { OpportunityForm } from './OpportunityForm';

export const OPPORTUNITY_FORM_FIELDS = [...OPPORTUNITY_FIELDS, 'audience', 'audienceIds'];

/** A new opportunity is open at once for its audience. */
export const OpportunityCreate = () => {
  const onError = useServerErrorNotifier(OPPORTUNITY_FORM_FIELDS);
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={opportunityBody}>
      <OpportunityForm isCreate defaultValues={{ audience: 'all', audienceIds: [], attachments: [] }} />
    </Create>
  );
};
