import ForumIcon from '@mui/icons-material/Forum';
import { useDataProvider, usePermissions } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { canAccessWith } from '../auth/access';
import type { CopPermissions } from '../auth/session';
import type { CopDataProvider } from '../dataProvider';
import { CONVERSATIONS_UNREAD_KEY } from '../live/LiveEvents';
import { CountBadgeLink } from './CountBadgeLink';

/** A fallback poll; live `message` events refresh the count at once (its key starts with 'conversations'). */
export const CONVERSATIONS_REFETCH_MS = 60_000;

/** Chat icon with the unread messages of my enterprise's threads (GET /conversations/unread); links to 我的交流. */
export const ConversationsBadge = () => {
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
  return (
    <CountBadgeLink
      to="/conversations"
      icon={<ForumIcon />}
      count={data?.total ?? 0}
      label="cop.appbar.conversations"
      countLabel="cop.appbar.unread_messages"
      testId="conversations-badge"
    />
  );
};
