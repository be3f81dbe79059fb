import { Badge, IconButton, Tooltip } from '@mui/material';
import ForumIcon from '@mui/icons-material/Forum';
import { LinkBase, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { canAccessWith } from '../auth/access';
import type { CopPermissions } from '../auth/session';
import type { CopDataProvider } from '../dataProvider';
import { CONVERSATIONS_UNREAD_KEY } from '../live/LiveEvents';

/** A fallback poll; live `message` events refresh the count at once (its key starts with 'conversations'). */
export const CONVERSATIONS_REFETCH_MS = 60_000;

/** Chat icon with the unread messages of my enterprise's threads (GET /conversations/unread); links to 我的交流. */
export const ConversationsBadge = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { permissions } = usePermissions<CopPermissions>();
  const allowed = canAccessWith(permissions, 'conversations', 'list');
  const { data } = useQuery({
    queryKey: CONVERSATIONS_UNREAD_KEY,
    queryFn: () => dataProvider.conversationsUnread(),
    enabled: allowed,
    refetchInterval: CONVERSATIONS_REFETCH_MS,
  });
  if (!allowed) return null;
  const unread = data?.total ?? 0;
  const title = unread
    ? translate('cop.appbar.unread_messages', { smart_count: unread })
    : translate('cop.appbar.conversations');
  return (
    <Tooltip title={title}>
      <IconButton
        component={LinkBase}
        to="/conversations"
        color="inherit"
        aria-label={title}
        data-testid="conversations-badge"
        data-unread={unread}
      >
        <Badge badgeContent={unread} color="error" max={99}>
          <ForumIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
