import { useState } from 'react';
import ArrowCircleUpIcon from '@mui/icons-material/ArrowCircleUp';
import ArrowCircleDownIcon from '@mui/icons-material/ArrowCircleDown';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Button,
  useDataProvider,
  useNavigate,
  useNotify,
  useRecordContext,
  useResourceContext,
} from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { DeleteWhenButton, EditWhenButton, useCanRunVerb, VerbButton } from '../verbs';
import { resourceCan, type ResourceRecord } from '../collaboration/types';

/** 上架: a draft or unlisted resource becomes visible to its audience (validTo must not be past). */
export const ListResourceButton = () => (
  <VerbButton<ResourceRecord>
    verb="list"
    label="cop.resources.list"
    icon={<ArrowCircleUpIcon />}
    testId="resource-list"
    when={resourceCan.list}
    done="cop.resources.listed"
  />
);

/** 下架: a listed resource is no longer shown to anybody (and can be edited again). */
export const UnlistResourceButton = () => (
  <VerbButton<ResourceRecord>
    verb="unlist"
    label="cop.resources.unlist"
    icon={<ArrowCircleDownIcon />}
    testId="resource-unlist"
    confirmTitle="cop.resources.unlist_title"
    confirmContent="cop.resources.unlist_content"
    when={resourceCan.unlist}
    done="cop.resources.unlisted"
  />
);

/** 复制: the server answers the new draft ("…（副本）"), whose edit page opens. */
export const CopyResourceButton = () => {
  const record = useRecordContext<ResourceRecord>();
  const resource = useResourceContext() ?? 'resources';
  const dataProvider = useDataProvider<CopDataProvider>();
  const navigate = useNavigate();
  const notify = useNotify();
  const allowed = useCanRunVerb(resource, 'copy');
  const [busy, setBusy] = useState(false);
  if (!record || !allowed) return null;
  return (
    <Button
      label="cop.resources.copy"
      disabled={busy}
      data-testid="resource-copy"
      onClick={async (event) => {
        event.stopPropagation();
        setBusy(true);
        try {
          const { data } = await dataProvider.verb(resource, record.id, 'copy', {});
          notify('cop.resources.copied', { type: 'success' });
          navigate(`/${resource}/${encodeURIComponent(String(data.id))}`);
        } catch (error: any) {
          notify(error?.message || 'ra.notification.http_error', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <ContentCopyIcon />
    </Button>
  );
};

/** Every action of a resource, by its status: 编辑 and 删除 while draft or unlisted. */
export const ResourceButtons = () => (
  <>
    <ListResourceButton />
    <UnlistResourceButton />
    <EditWhenButton<ResourceRecord> when={resourceCan.edit} />
    <CopyResourceButton />
    <DeleteWhenButton<ResourceRecord> when={resourceCan.edit} testId="resource-delete" />
  </>
);
