import NotificationsIcon from '@mui/icons-material/Notifications';
import { lazyPage } from '../../common/lazyPage';

const NotificationList = lazyPage(() => import('./NotificationList').then((m) => m.NotificationList));

export default {
  list: NotificationList,
  icon: NotificationsIcon,
  recordRepresentation: 'title',
};
