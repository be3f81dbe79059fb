import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import { DeleteWhenButton, EditWhenButton, VerbButton } from '../verbs';
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

/** 编辑 while open and nobody responded (PUT answers 409 afterwards), 关闭, 删除 while nobody responded. */
export const OpportunityButtons = () => (
  <>
    <EditWhenButton<OpportunityRecord> when={opportunityCan.edit} />
    <CloseOpportunityButton />
    <DeleteWhenButton<OpportunityRecord> when={opportunityCan.delete} />
  </>
);
