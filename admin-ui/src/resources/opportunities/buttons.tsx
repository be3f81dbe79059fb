import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import { DeleteButton, EditButton, useRecordContext } from 'react-admin';
import { VerbButton } from '../verbs';
import { opportunityCan, type OpportunityRecord } from '../collaboration/types';

/** 关闭: an open opportunity stops taking responses. */
export const CloseOpportunityButton = () => (
  <VerbButton<OpportunityRecord>
    verb="close"
    label="cop.opportunities.close"
    icon={<DoNotDisturbOnIcon />}
    testId="opportunity-close"
    confirmTitle="cop.opportunities.close_title"
    confirmContent="cop.opportunities.close_content"
    when={opportunityCan.close}
    done="cop.opportunities.closed_done"
  />
);

/** 编辑 while open and nobody responded (PUT answers 409 afterwards). */
export const EditOpportunityButton = () => {
  const record = useRecordContext<OpportunityRecord>();
  return opportunityCan.edit(record) ? <EditButton /> : null;
};

/** 删除 while nobody responded. */
export const DeleteOpportunityButton = () => {
  const record = useRecordContext<OpportunityRecord>();
  return opportunityCan.delete(record) ? <DeleteButton mutationMode="pessimistic" redirect="list" /> : null;
};

export const OpportunityButtons = () => (
  <>
    <EditOpportunityButton />
    <CloseOpportunityButton />
    <DeleteOpportunityButton />
  </>
);
