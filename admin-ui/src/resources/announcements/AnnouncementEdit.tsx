import { Alert } from '@mui/material';
import { Edit, ShowButton, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { EditTitle } from '../collaboration/fields';
import { announcementBody, announcementCan, publishModeOf, type AnnouncementRecord } from '../collaboration/types';
import { WithdrawAnnouncementButton } from './buttons';
import { ANNOUNCEMENT_FORM_FIELDS } from './AnnouncementCreate';
import { AnnouncementForm } from './AnnouncementForm';

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
    <WithdrawAnnouncementButton />
  </TopToolbar>
);

/** Drafts and scheduled announcements can change; published or withdrawn ones stay as they are. */
const EditableForm = () => {
  const translate = useTranslate();
  const record = useRecordContext<AnnouncementRecord>();
  if (!record) return null;
  if (!announcementCan.edit(record)) {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="announcement-not-editable">
        {translate('cop.announcements.not_editable')}
      </Alert>
    );
  }
  return <AnnouncementForm canPublish={record.status === 'draft'} defaultValues={{ publishMode: publishModeOf(record) }} />;
};

export const AnnouncementEdit = () => {
  const onError = useServerErrorNotifier(ANNOUNCEMENT_FORM_FIELDS);
  return (
    <Edit title={<EditTitle />} mutationMode="pessimistic" redirect="show" actions={<EditActions />} mutationOptions={{ onError }} transform={announcementBody}>
      <EditableForm />
    </Edit>
  );
};
