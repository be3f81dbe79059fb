import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  DateTimeInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useResourceContext,
  useTranslate,
  type RaRecord,
  type SimpleFormProps,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { CopDataProvider } from '../../dataProvider';
import { AudienceInput } from '../collaboration/audience';
import { FilesInput } from '../collaboration/files';
import { RichBodyInput } from '../collaboration/RichBodyInput';
import {
  announcementBody,
  announcementTypeChoices,
  futureDateTime,
  MAX_ANNOUNCEMENT_BODY,
  MAX_ATTACHMENTS,
  richTextRequired,
} from '../collaboration/types';
import { useCanRunVerb } from '../verbs';

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" color="primary" sx={{ mt: 2, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};


const publishModeChoices = [
  { id: 'now', name: 'cop.announcements.publish_now' },
  { id: 'scheduled', name: 'cop.announcements.publish_scheduled' },
];

/** 发布方式: 立即发布 (no publishAt) or 定时发布 at a future time. */
const PublishMechanism = () => {
  const mode = useWatch({ name: 'publishMode' });
  return (
    <Box sx={{ display: 'flex', columnGap: 3, flexWrap: 'wrap', alignItems: 'center', width: '100%' }}>
      <RadioButtonGroupInput source="publishMode" label="cop.announcements.publish_mode" choices={publishModeChoices} fullWidth={false} />
      {mode === 'scheduled' ? <DateTimeInput source="publishAt" validate={futureDateTime} sx={{ flex: '0 1 280px' }} /> : null}
    </Box>
  );
};

/**
 * 保存 and 保存并发布 (create, and edit of a draft): the second saves, then posts the publish verb
 * (published now, or scheduled at publishAt).
 */
const FormToolbar = ({ canPublish }: { canPublish: boolean }) => {
  const dataProvider = useDataProvider<CopDataProvider>();
  const resource = useResourceContext() ?? 'announcements';
  const notify = useNotify();
  const redirect = useRedirect();
  const allowed = useCanRunVerb(resource, 'publish');
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      {canPublish && allowed ? (
        <SaveButton
          label="cop.announcements.save_publish"
          variant="outlined"
          type="button"
          data-testid="announcement-save-publish"
          transform={announcementBody}
          mutationOptions={{
            onSuccess: async (data: RaRecord) => {
              try {
                const { data: published } = await dataProvider.verb(resource, data.id, 'publish', {});
                notify(published.status === 'scheduled' ? 'cop.announcements.scheduled_done' : 'cop.announcements.published_done', {
                  type: 'success',
                });
              } catch (error: any) {
                notify(error?.message || 'ra.notification.http_error', { type: 'error' });
              }
              redirect('show', resource, data.id);
            },
          }}
        />
      ) : null}
    </Toolbar>
  );
};

/** 公告 form: type, title, rich-text body, attachments, audience, pinned, how to publish. */
export const AnnouncementForm = ({ canPublish, ...props }: Omit<SimpleFormProps, 'children'> & { canPublish: boolean }) => (
  <SimpleForm toolbar={<FormToolbar canPublish={canPublish} />} {...props}>
    <Section title="cop.announcements.section_content" />
    <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%' }}>
      <SelectInput source="type" choices={announcementTypeChoices} validate={required()} sx={{ flex: '0 1 220px' }} />
      <TextInput source="title" validate={[required(), maxLength(100)]} sx={{ flex: '1 1 360px' }} />
    </Box>
    <RichBodyInput source="body" fullWidth validate={[richTextRequired, maxLength(MAX_ANNOUNCEMENT_BODY)]} />
    <FilesInput source="attachments" label="resources.announcements.fields.attachments" max={MAX_ATTACHMENTS} />
    <Section title="cop.announcements.section_publish" />
    <PublishMechanism />
    <BooleanInput source="pinned" helperText="cop.announcements.pinned_help" />
    <Section title="cop.audience.section" />
    <AudienceInput />
  </SimpleForm>
);
