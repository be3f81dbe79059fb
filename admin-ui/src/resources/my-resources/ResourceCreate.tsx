import { Create } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { RESOURCE_FIELDS, resourceBody } from '../collaboration/types';
import { ResourceForm } from './ResourceForm';

export const RESOURCE_FORM_FIELDS = [...RESOURCE_FIELDS, 'audience', 'audienceIds'];

/** A new resource is a draft: 上架 on its page makes it visible. */
export const ResourceCreate = () => {
  const onError = useServerErrorNotifier(RESOURCE_FORM_FIELDS);
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={resourceBody}>
      <ResourceForm defaultValues={{ audience: 'all', audienceIds: [], pictures: [], attachments: [] }} />
    </Create>
  );
};
