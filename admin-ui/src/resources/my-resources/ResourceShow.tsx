import { Box, Divider, Typography } from '@mui/material';
import { Labeled, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { AudienceField } from '../collaboration/audience';
import { DateOnlyField, MultilineText } from '../collaboration/fields';
import { AttachmentLinks, PictureGallery } from '../collaboration/files';
import { resourceStatusColors, type ResourceRecord } from '../collaboration/types';
import { ResourceButtons } from './buttons';

const ShowActions = () => (
  <TopToolbar>
    <ResourceButtons />
  </TopToolbar>
);

const Title = () => {
  const record = useRecordContext<ResourceRecord>();
  return <span>{record?.title ?? ''}</span>;
};

const row = { display: 'flex', gap: 4, flexWrap: 'wrap', px: 2, py: 1 } as const;

/** The resource's details: pictures, what and where, contact, validity, audience, attachments. */
export const ResourceDetails = ({ own }: { own: boolean }) => {
  const record = useRecordContext<ResourceRecord>();
  if (!record) return null;
  return (
    <Box data-testid="resource-details">
      <Box sx={{ px: 2, pt: 2 }}>
        <Typography variant="h6" gutterBottom>
          {record.title}
        </Typography>
        <PictureGallery />
      </Box>
      <Box sx={row}>
        <Labeled source="type">
          <EnumChip source="type" namespace="resource_type" />
        </Labeled>
        {own ? (
          <Labeled source="status">
            <EnumChip source="status" namespace="resource_status" colors={resourceStatusColors} />
          </Labeled>
        ) : (
          <Labeled source="ownerName">
            <TextField source="ownerName" emptyText="-" />
          </Labeled>
        )}
        <Labeled source="region">
          <TextField source="region" emptyText="-" />
        </Labeled>
        <Labeled source="validFrom">
          <DateOnlyField source="validFrom" />
        </Labeled>
        <Labeled source="validTo">
          <DateOnlyField source="validTo" />
        </Labeled>
        <Labeled source="contactName">
          <TextField source="contactName" emptyText="-" />
        </Labeled>
        <Labeled source="contactPhone">
          <TextField source="contactPhone" emptyText="-" />
        </Labeled>
      </Box>
      <Box sx={{ px: 2, py: 1 }}>
        <Labeled source="description" fullWidth>
          <MultilineText source="description" />
        </Labeled>
      </Box>
      <Box sx={{ px: 2, py: 1 }}>
        <Labeled source="attachments" fullWidth>
          <AttachmentLinks />
        </Labeled>
      </Box>
      <Divider />
      <Box sx={row}>
        {own ? (
          <Labeled source="audience">
            <AudienceField />
          </Labeled>
        ) : null}
        {own ? (
          <Labeled source="listedAt">
            <DateTimeField source="listedAt" />
          </Labeled>
        ) : null}
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
        <Labeled source="updatedAt">
          <DateTimeField source="updatedAt" />
        </Labeled>
      </Box>
    </Box>
  );
};

export const ResourceShow = () => (
  <Show actions={<ShowActions />} title={<Title />}>
    <ResourceDetails own />
  </Show>
);
