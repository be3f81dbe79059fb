import { useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import {
  Button,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import type { ResourceRecord } from '../collaboration/types';

/** 收藏 (POST /resource-favourites {resourceId}) / 取消收藏 (DELETE /resource-favourites/:favouriteId). */
export function useFavouriteToggle(record: ResourceRecord | undefined) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<CopPermissions>();
  const [busy, setBusy] = useState(false);
  const allowed = canAccessWith(permissions, 'resource-favourites', 'create');
  const toggle = async () => {
    if (!record) return;
    setBusy(true);
    try {
      if (record.favourite && record.favouriteId) {
        await dataProvider.delete('resource-favourites', { id: record.favouriteId, previousData: { id: record.favouriteId } });
        notify('cop.resources.unfavourited', { type: 'info' });
      } else {
        await dataProvider.create('resource-favourites', { data: { resourceId: record.id } });
        notify('cop.resources.favourited', { type: 'success' });
      }
    } catch (error: any) {
      notify(error?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return { allowed, busy, toggle, favourite: !!record?.favourite };
}

/** The star of a list row. */
export const FavouriteStar = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<ResourceRecord>();
  const translate = useTranslate();
  const { allowed, busy, toggle, favourite } = useFavouriteToggle(record);
  if (!record) return null;
  const title = translate(favourite ? 'cop.resources.unfavourite' : 'cop.resources.favourite');
  return (
    <Tooltip title={title}>
      <span>
        <IconButton
          size="small"
          aria-label={title}
          disabled={!allowed || busy}
          onClick={(event) => {
            event.stopPropagation();
            void toggle();
          }}
          data-testid={`favourite-${record.id}`}
          data-favourite={favourite}
        >
          {favourite ? <StarIcon color="warning" /> : <StarBorderIcon />}
        </IconButton>
      </span>
    </Tooltip>
  );
};

/** 收藏 / 已收藏 button (detail page). */
export const FavouriteButton = () => {
  const record = useRecordContext<ResourceRecord>();
  const { allowed, busy, toggle, favourite } = useFavouriteToggle(record);
  if (!record || !allowed) return null;
  return (
    <Button
      label={favourite ? 'cop.resources.unfavourite' : 'cop.resources.favourite'}
      disabled={busy}
      onClick={() => void toggle()}
      data-testid="favourite-toggle"
      data-favourite={favourite}
    >
      {favourite ? <StarIcon color="warning" /> : <StarBorderIcon />}
    </Button>
  );
};
