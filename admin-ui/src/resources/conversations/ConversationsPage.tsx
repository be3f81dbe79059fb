import { Box, Card, Stack, Typography } from '@mui/material';
import ForumIcon from '@mui/icons-material/Forum';
import { useParams } from 'react-router-dom';
import { AccessDenied, Loading, Title, usePermissions, useTranslate, type Identifier } from 'react-admin';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';
import { NewConversationButton } from './NewConversationButton';

/**
 * 我的交流: the threads on the left, the open thread on the right (/conversations/:id/show). New
 * messages arrive through the live events (LiveEventsProvider refreshes both panes).
 */
export const ConversationsPage = ({ selectedId }: { selectedId?: Identifier }) => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<CopPermissions>();
  if (isPending) return <Loading />;
  // not a react-admin List / Show: the page checks conversations.use itself
  if (!canAccessWith(permissions, 'conversations', 'list')) return <AccessDenied />;
  return (
    <Box sx={{ mt: 1 }} data-testid="conversations-page">
      <Title title={translate('cop.conversations.title')} />
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ height: { md: 'calc(100vh - 170px)' }, minHeight: 480 }}
      >
        <Card sx={{ width: { md: 360 }, flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ px: 2, pt: 1 }}>
            <Typography variant="subtitle1">{translate('cop.conversations.threads')}</Typography>
            <NewConversationButton />
          </Stack>
          <ThreadList selectedId={selectedId} />
        </Card>
        <Card sx={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: { xs: 480, md: 0 } }}>
          {selectedId !== undefined ? (
            <ThreadView key={String(selectedId)} id={selectedId} />
          ) : (
            <Stack alignItems="center" justifyContent="center" spacing={1} sx={{ flex: 1, color: 'text.secondary', p: 4 }}>
              <ForumIcon sx={{ fontSize: 56 }} color="disabled" />
              <Typography>{translate('cop.conversations.pick')}</Typography>
            </Stack>
          )}
        </Card>
      </Stack>
    </Box>
  );
};

export const ConversationList = () => <ConversationsPage />;

export const ConversationShow = () => {
  const { id } = useParams<{ id: string }>();
  return <ConversationsPage selectedId={id} />;
};
