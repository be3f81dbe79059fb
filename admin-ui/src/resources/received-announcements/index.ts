import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { lazyPage } from '../../common/lazyPage';

const ReceivedAnnouncementList = lazyPage(() => import('./ReceivedAnnouncementList').then((m) => m.ReceivedAnnouncementList));
const ReceivedAnnouncementShow = lazyPage(() => import('./ReceivedAnnouncementShow').then((m) => m.ReceivedAnnouncementShow));

/** /received-announcements — 接收公告 (read only; opening one marks it read). */
export default {
  list: ReceivedAnnouncementList,
  show: ReceivedAnnouncementShow,
  icon: MoveToInboxIcon,
  recordRepresentation: 'title',
};
