import { useEffect, useRef } from 'react';
import { Box, Divider, Typography } from '@mui/material';
import { Labeled, Show, TextField, useDataProvider, usePermissions, useRecordContext } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { canRunVerb } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import type { CopDataProvider } from '../../dataProvider';
import { DateTimeField, EnumChip } from '../shared';
import { AttachmentLinks } from '../collaboration/files';
import { PinnedMark } from '../collaboration/fields';
import type { AnnouncementRecord } from '../collaboration/types';
import { AnnouncementBody } from '../announcements/AnnouncementShow';

export const RECEIVED_ANNOUNCEMENTS = 'received-announcements';

/**
 * Opening an unread announcement marks it read (POST …/read) once; the lists, the home card and the
 * bell (a notification may point here) refresh afterwards.
 */
const MarkRead = () => {
  const record = useRecordContext<AnnouncementRecord>();
  const dataProvider = useDataProvider<CopDataProvider>();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<CopPermissions>();
  const done = useRef<unknown>(null);
  const allowed = canRunVerb(permissions, RECEIVED_ANNOUNCEMENTS, 'read');
  useEffect(() => {
    if (!record || record.read || !allowed || done.current === record.id) return;
    done.current = record.id;
    dataProvider
      .verb(RECEIVED_ANNOUNCEMENTS, record.id, 'read', {})
      .then(() => {
        void queryClient.invalidateQueries({ queryKey: [RECEIVED_ANNOUNCEMENTS, 'getList'] });
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      })
      .catch(() => {
        done.current = null;
      });
  }, [record, allowed]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
};

const Title = () => {
  const record = useRecordContext<AnnouncementRecord>();
  return <span>{record?.title ?? ''}</span>;
};

const TitleText = () => {
  const record = useRecordContext<AnnouncementRecord>();
  return <Typography variant="h5">{record?.title}</Typography>;
};

/** One received announcement: title, publisher and time, the sanitised HTML body, attachments. */
export const ReceivedAnnouncementShow = () => (
  <Show actions={false} title={<Title />}>
    <MarkRead />
    <Box sx={{ px: 2, pt: 2, display: 'flex', gap: 1, alignItems: 'center' }}>
      <PinnedMark />
      <TitleText />
    </Box>
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', px: 2, py: 1 }}>
      <Labeled source="type">
        <EnumChip source="type" namespace="announcement_type" />
      </Labeled>
      <Labeled source="publisherName">
        <TextField source="publisherName" emptyText="-" />
      </Labeled>
      <Labeled source="publishedAt">
        <DateTimeField source="publishedAt" />
      </Labeled>
    </Box>
    <Divider />
    <AnnouncementBody />
    <Box sx={{ px: 2, py: 2 }}>
      <Labeled source="attachments" fullWidth>
        <AttachmentLinks />
      </Labeled>
    </Box>
  </Show>
);
