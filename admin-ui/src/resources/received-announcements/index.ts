import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { ReceivedAnnouncementList } from './ReceivedAnnouncementList';
import { ReceivedAnnouncementShow } from './ReceivedAnnouncementShow';

/** /received-announcements — 接收公告 (read only; opening one marks it read). */
export default {
  list: ReceivedAnnouncementList,
  show: ReceivedAnnouncementShow,
  icon: MoveToInboxIcon,
  recordRepresentation: 'title',
};
