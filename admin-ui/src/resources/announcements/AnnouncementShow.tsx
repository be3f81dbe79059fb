import { Box, Divider, Typography } from '@mui/material';
import { BooleanField, Labeled, RichTextField, Show, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { AudienceField } from '../collaboration/audience';
import { AttachmentLinks } from '../collaboration/files';
import { PinnedMark, PublishedAtField } from '../collaboration/fields';
import { announcementStatusColors, type AnnouncementRecord } from '../collaboration/types';
import { AnnouncementButtons } from './buttons';

const ShowActions = () => (
  <TopToolbar>
    <AnnouncementButtons />
  </TopToolbar>
);

const Title = () => {
  const record = useRecordContext<AnnouncementRecord>();
  return <span>{record?.title ?? ''}</span>;
};

const row = { display: 'flex', gap: 4, flexWrap: 'wrap', px: 2, py: 1 } as const;

/** The sanitised HTML body (the server sanitises it; RichTextField purifies it again). */
export const AnnouncementBody = () => (
  <Box
    sx={{ px: 2, py: 1, '& img': { maxWidth: '100%' }, '& p': { my: 1 }, wordBreak: 'break-word' }}
    data-testid="announcement-body"
  >
    <RichTextField source="body" emptyText="-" />
  </Box>
);

export const AnnouncementShow = () => (
  <Show actions={<ShowActions />} title={<Title />}>
    <Box sx={{ px: 2, pt: 2, display: 'flex', gap: 1, alignItems: 'center' }}>
      <PinnedMark />
      <TitleText />
    </Box>
    <Box sx={row}>
      <Labeled source="type">
        <EnumChip source="type" namespace="announcement_type" />
      </Labeled>
      <Labeled source="status">
        <EnumChip source="status" namespace="announcement_status" colors={announcementStatusColors} />
      </Labeled>
      <Labeled source="pinned">
        <BooleanField source="pinned" />
      </Labeled>
      <Labeled source="publishAt">
        <DateTimeField source="publishAt" />
      </Labeled>
      <Labeled source="publishedAt">
        <PublishedAtField />
      </Labeled>
      <Labeled source="withdrawnAt">
        <DateTimeField source="withdrawnAt" />
      </Labeled>
      <Labeled source="createdAt">
        <DateTimeField source="createdAt" />
      </Labeled>
    </Box>
    <Box sx={row}>
      <Labeled source="audience">
        <AudienceField />
      </Labeled>
    </Box>
    <Divider />
    <AnnouncementBody />
    <Box sx={{ px: 2, py: 1 }}>
      <Labeled source="attachments" fullWidth>
        <AttachmentLinks />
      </Labeled>
    </Box>
  </Show>
);

const TitleText = () => {
  const record = useRecordContext<AnnouncementRecord>();
  return <Typography variant="h6">{record?.title}</Typography>;
};
