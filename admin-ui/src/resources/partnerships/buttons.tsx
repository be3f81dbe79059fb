import BlockIcon from '@mui/icons-material/Block';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import { ReasonVerbButton, VerbButton } from '../verbs';
import { STOP_REASON_MAX, type PartnershipRecord } from './status';

/** 停止合作: asks the reason (required, ≤ 200 characters) and posts /partnerships/:id/stop. */
export const StopPartnershipButton = () => (
  <ReasonVerbButton<PartnershipRecord>
    verb="stop"
    label="cop.partnerships.stop"
    title="cop.partnerships.stop_title"
    icon={<BlockIcon />}
    testId="partnership-stop"
    maxLength={STOP_REASON_MAX}
    when={(record) => record.status === 'active'}
    done="cop.partnerships.stopped"
  />
);

/** 恢复合作: posts /partnerships/:id/resume after a confirmation. */
export const ResumePartnershipButton = () => (
  <VerbButton<PartnershipRecord>
    verb="resume"
    label="cop.partnerships.resume"
    icon={<PlayCircleOutlineIcon />}
    testId="partnership-resume"
    confirmTitle="cop.partnerships.resume_title"
    confirmContent="cop.partnerships.resume_content"
    when={(record) => record.status === 'stopped'}
    done="cop.partnerships.resumed"
  />
);
