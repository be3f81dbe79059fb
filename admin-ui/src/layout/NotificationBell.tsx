import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { LinkBase, useGetList, useTranslate } from 'react-admin';

export const UNREAD_REFETCH_MS = 30_000;

/** Bell with the unread count; links to 我的消息. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const { total } = useGetList(
    'notifications',
    {
      filter: { read: false },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'createdAt', order: 'DESC' },
    },
    { refetchInterval: UNREAD_REFETCH_MS },
  );
  const unread = total ?? 0;
  const title = unread
    ? translate('cop.appbar.unread', { smart_count: unread })
    : translate('cop.appbar.notifications');

  return (
    <Tooltip title={title}>
      <IconButton
        component={LinkBase}
        to="/notifications"
        color="inherit"
        aria-label={title}
        data-testid="notifications-bell"
        data-unread={unread}
      >
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
