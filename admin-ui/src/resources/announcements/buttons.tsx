import PublishIcon from '@mui/icons-material/Publish';
import UnpublishedIcon from '@mui/icons-material/Unpublished';
import { DeleteWhenButton, EditWhenButton, VerbButton } from '../verbs';
import { announcementCan, type AnnouncementRecord } from '../collaboration/types';

/** 发布: a draft is published now, or scheduled when its publish time lies in the future. */
export const PublishAnnouncementButton = () => (
  <VerbButton<AnnouncementRecord>
    verb="publish"
    label="cop.announcements.publish"
    icon={<PublishIcon />}
    testId="announcement-publish"
    confirmTitle="cop.announcements.publish_title"
    confirmContent="cop.announcements.publish_content"
    when={announcementCan.publish}
    done="cop.announcements.published_done"
  />
);

/** 撤回: a scheduled or published announcement is withdrawn from its audience. */
export const WithdrawAnnouncementButton = () => (
  <VerbButton<AnnouncementRecord>
    verb="withdraw"
    label="cop.announcements.withdraw"
    icon={<UnpublishedIcon />}
    testId="announcement-withdraw"
    confirmTitle="cop.announcements.withdraw_title"
    confirmContent="cop.announcements.withdraw_content"
    when={announcementCan.withdraw}
    done="cop.announcements.withdrawn_done"
  />
);

/** 编辑 while draft or scheduled, 发布, 撤回, 删除 while draft. */
export const AnnouncementButtons = () => (
  <>
    <EditWhenButton<AnnouncementRecord> when={announcementCan.edit} />
    <PublishAnnouncementButton />
    <WithdrawAnnouncementButton />
    <DeleteWhenButton<AnnouncementRecord> when={announcementCan.delete} />
  </>
);
