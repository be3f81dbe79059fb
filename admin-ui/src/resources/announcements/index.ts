import CampaignIcon from '@mui/icons-material/Campaign';
import { lazyPage } from '../../common/lazyPage';

const AnnouncementList = lazyPage(() => import('./AnnouncementList').then((m) => m.AnnouncementList));
const AnnouncementCreate = lazyPage(() => import('./AnnouncementCreate').then((m) => m.AnnouncementCreate));
const AnnouncementEdit = lazyPage(() => import('./AnnouncementEdit').then((m) => m.AnnouncementEdit));
const AnnouncementShow = lazyPage(() => import('./AnnouncementShow').then((m) => m.AnnouncementShow));

/** /announcements — 发布公告 (mine; announcements.write). */
export default {
  list: AnnouncementList,
  create: AnnouncementCreate,
  edit: AnnouncementEdit,
  show: AnnouncementShow,
  icon: CampaignIcon,
  recordRepresentation: 'title',
};
