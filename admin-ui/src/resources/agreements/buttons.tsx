import TaskAltIcon from '@mui/icons-material/TaskAlt';
import CancelIcon from '@mui/icons-material/Cancel';
import { EditButton, useRecordContext } from 'react-admin';
import { DeleteWhenButton, ReasonVerbButton, VerbButton } from '../verbs';
import { canTerminate, type AgreementRecord } from './types';

/** 确认: a draft becomes confirmed (and no longer editable). */
export const ConfirmAgreementButton = () => (
  <VerbButton<AgreementRecord>
    verb="confirm"
    label="cop.agreements.confirm"
    icon={<TaskAltIcon />}
    testId="agreement-confirm"
    confirmTitle="cop.agreements.confirm_title"
    confirmContent="cop.agreements.confirm_content"
    when={(record) => record.status === 'draft'}
    done="cop.agreements.confirmed"
  />
);

/** 终止: a confirmed or effective agreement ends, with a reason. */
export const TerminateAgreementButton = () => (
  <ReasonVerbButton<AgreementRecord>
    verb="terminate"
    label="cop.agreements.terminate"
    title="cop.agreements.terminate_title"
    icon={<CancelIcon />}
    testId="agreement-terminate"
    when={canTerminate}
    done="cop.agreements.terminated"
  />
);

/** Edit only while draft (EditButton itself checks the write permission). */
export const EditDraftButton = () => {
  const record = useRecordContext<AgreementRecord>();
  if (record?.status !== 'draft') return null;
  return <EditButton />;
};

/** 删除: a draft only (the server refuses others with 409; the seller never sees drafts), after a confirmation. */
export const DeleteDraftButton = () => (
  <DeleteWhenButton<AgreementRecord> when={(record) => record?.status === 'draft'} testId="agreement-delete" />
);
