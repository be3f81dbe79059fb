import { Create } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { ANNOUNCEMENT_FIELDS, announcementBody } from '../collaboration/types';
import { AnnouncementForm } from './AnnouncementForm';

export const ANNOUNCEMENT_FORM_FIELDS = [...ANNOUNCEMENT_FIELDS, 'publishAt', 'audience', 'audienceIds'];

/** A new announcement is a draft; 保存并发布 publishes it at once (or schedules it). */
export const AnnouncementCreate = () => {
  const onError = useServerErrorNotifier(ANNOUNCEMENT_FORM_FIELDS);
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={announcementBody}>
      <AnnouncementForm
        canPublish
        defaultValues={{ type: 'notice', audience: 'all', audienceIds: [], attachments: [], pinned: false, publishMode: 'now', body: '' }}
      />
    </Create>
  );
};
