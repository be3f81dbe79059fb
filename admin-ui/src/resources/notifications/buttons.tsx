import { useState } from 'react';
import DoneIcon from '@mui/icons-material/Done';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Button,
  useDataProvider,
  useListContext,
  useNavigate,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { isExternalLink, type NotificationRecord } from './types';

/** Marks one message read, then refreshes the list and the bell. */
export function useMarkRead() {
  const dataProvider = useDataProvider<CopDataProvider>();
  const refresh = useRefresh();
  const notify = useNotify();
  return async (ids: NotificationRecord['id'][], silent = false) => {
    try {
      await Promise.all(ids.map((id) => dataProvider.markNotificationRead(id)));
      if (!silent) notify('cop.notifications.marked_read', { type: 'info' });
    } catch (e: any) {
      notify(e?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      refresh();
    }
  };
}

export const MarkReadButton = () => {
  const record = useRecordContext<NotificationRecord>();
  const markRead = useMarkRead();
  const [busy, setBusy] = useState(false);
  if (!record || record.read) return null;
  return (
    <Button
      label="cop.notifications.mark_read"
      disabled={busy}
      data-testid={`notification-read-${record.id}`}
      onClick={async (event) => {
        event.stopPropagation();
        setBusy(true);
        await markRead([record.id]);
        setBusy(false);
      }}
    >
      <DoneIcon />
    </Button>
  );
};

export const BulkMarkReadButton = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const markRead = useMarkRead();
  return (
    <Button
      label="cop.notifications.mark_read"
      onClick={async () => {
        await markRead(selectedIds);
        onUnselectItems();
      }}
    >
      <DoneIcon />
    </Button>
  );
};

/** 全部标为已读: marks read what the list shows (its current filter: type, read, dates). */
export const MarkAllReadButton = () => {
  const dataProvider = useDataProvider<CopDataProvider>();
  const { filterValues } = useListContext();
  const refresh = useRefresh();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      label="cop.notifications.mark_all_read"
      disabled={busy}
      data-testid="notifications-read-all"
      onClick={async () => {
        setBusy(true);
        try {
          await dataProvider.markAllNotificationsRead(filterValues ?? {});
          notify('cop.notifications.marked_all_read', { type: 'info' });
        } catch (e: any) {
          notify(e?.message || 'ra.notification.http_error', { type: 'error' });
        } finally {
          setBusy(false);
          refresh();
        }
      }}
    >
      <DoneAllIcon />
    </Button>
  );
};

export const OpenLinkButton = () => {
  const record = useRecordContext<NotificationRecord>();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  if (!record?.link) return null;
  const link = record.link;
  return (
    <Button
      label="cop.notifications.open_link"
      onClick={async (event) => {
        event.stopPropagation();
        if (!record.read) await markRead([record.id], true);
        if (isExternalLink(link)) window.open(link, '_blank', 'noopener');
        else navigate(link.startsWith('/') ? link : `/${link}`);
      }}
    >
      <OpenInNewIcon />
    </Button>
  );
};
