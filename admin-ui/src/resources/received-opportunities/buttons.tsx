import ReplyIcon from '@mui/icons-material/Reply';
import UndoIcon from '@mui/icons-material/Undo';
import { useRecordContext } from 'react-admin';
import { ReasonVerbButton, VerbButton } from '../verbs';
import { ContactButton } from '../collaboration/ContactButton';
import { canWithdrawResponse, MAX_RESPONSE, respondBlocker, type OpportunityRecord } from '../collaboration/types';

/** 响应: a message to the publisher (once; not after the deadline). Disabled, with the reason, otherwise. */
export const RespondButton = () => (
  <ReasonVerbButton<OpportunityRecord>
    verb="respond"
    label="cop.opportunities.respond"
    title="cop.opportunities.respond_title"
    content="cop.opportunities.respond_help"
    field="message"
    fieldLabel="cop.opportunities.response_message"
    submitLabel="cop.opportunities.respond_submit"
    submitColor="primary"
    icon={<ReplyIcon />}
    testId="opportunity-respond"
    maxLength={MAX_RESPONSE}
    blocker={respondBlocker}
    done="cop.opportunities.responded_done"
  />
);

/** 撤回响应: my active response, before the deadline. */
export const WithdrawResponseButton = () => (
  <VerbButton<OpportunityRecord>
    verb="withdraw"
    label="cop.opportunities.withdraw"
    icon={<UndoIcon />}
    testId="opportunity-withdraw"
    confirmTitle="cop.opportunities.withdraw_title"
    confirmContent="cop.opportunities.withdraw_content"
    when={canWithdrawResponse}
    done="cop.opportunities.withdrawn_done"
  />
);

/** 联系发布方: a thread with the publisher about this opportunity. */
export const ContactPublisherButton = ({ variant }: { variant?: 'text' | 'outlined' | 'contained' }) => {
  const record = useRecordContext<OpportunityRecord>();
  return (
    <ContactButton
      start={record ? { subjectType: 'opportunity', subjectId: record.id } : null}
      label="cop.opportunities.contact"
      title="cop.opportunities.contact_title"
      testId="opportunity-contact"
      variant={variant}
    />
  );
};
