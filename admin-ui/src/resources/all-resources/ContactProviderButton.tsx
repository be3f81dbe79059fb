import { useRecordContext } from 'react-admin';
import { ContactButton } from '../collaboration/ContactButton';
import type { ResourceRecord } from '../collaboration/types';

/** 联系提供方: a thread with the resource's owner about this resource. */
export const ContactProviderButton = ({ variant }: { variant?: 'text' | 'outlined' | 'contained' }) => {
  const record = useRecordContext<ResourceRecord>();
  return (
    <ContactButton
      start={record ? { subjectType: 'resource', subjectId: record.id } : null}
      label="cop.resources.contact"
      title="cop.resources.contact_title"
      testId="resource-contact"
      variant={variant}
    />
  );
};
