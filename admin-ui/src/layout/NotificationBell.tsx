import NotificationsIcon from '@mui/icons-material/Notifications';
import { useGetList } from 'react-admin';
import { CountBadgeLink } from './CountBadgeLink';

export const UNREAD_REFETCH_MS = 30_000;

/** Bell with the unread count; links to 我的消息. */
export const NotificationBell = () => {
  const { total } = useGetList(
    'notifications',
    {
      filter: { read: false },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'createdAt', order: 'DESC' },
    },
    { refetchInterval: UNREAD_REFETCH_MS },
  );
  return (
    <CountBadgeLink
      to="/notifications"
      icon={<NotificationsIcon />}
      count={total ?? 0}
      label="cop.appbar.notifications"
      countLabel="cop.appbar.unread"
      testId="notifications-bell"
    />
  );
};
