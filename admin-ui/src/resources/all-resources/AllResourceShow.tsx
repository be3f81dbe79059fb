import { Show, TopToolbar, useRecordContext } from 'react-admin';
import type { ResourceRecord } from '../collaboration/types';
import { ResourceDetails } from '../my-resources/ResourceShow';
import { ContactProviderButton } from './ContactProviderButton';
import { FavouriteButton } from './FavouriteToggle';

const ShowActions = () => (
  <TopToolbar>
    <FavouriteButton />
    <ContactProviderButton variant="contained" />
  </TopToolbar>
);

const Title = () => {
  const record = useRecordContext<ResourceRecord>();
  return <span>{record?.title ?? ''}</span>;
};

/** A resource another enterprise shows me: pictures, contact, attachments; 收藏, 联系提供方. */
export const AllResourceShow = () => (
  <Show actions={<ShowActions />} title={<Title />}>
    <ResourceDetails own={false} />
  </Show>
);
