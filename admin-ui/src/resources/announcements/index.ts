import CampaignIcon from '@mui/icons-material/Campaign';
import { AnnouncementList } from './AnnouncementList';
import { AnnouncementCreate } from './AnnouncementCreate';
import { AnnouncementEdit } from './AnnouncementEdit';
import { AnnouncementShow } from './AnnouncementShow';

/** /announcements — 发布公告 (mine; announcements.write). */
export default {
  list: AnnouncementList,
  create: AnnouncementCreate,
  edit: AnnouncementEdit,
  show: AnnouncementShow,
  icon: CampaignIcon,
  recordRepresentation: 'title',
};
