import { useState } from 'react';
import {
  Avatar,
  Badge,
  Box,
  Button as MuiButton,
  Chip,
  FormControlLabel,
  LinearProgress,
  List as MuiList,
  ListItemAvatar,
  ListItemButton,
  ListItemText,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { useGetList, useLocaleState, useNavigate, useTranslate, type Identifier } from 'react-admin';
import { acceptLanguageFor } from '../../i18n/locales';
import type { ConversationRecord } from '../collaboration/types';
import { conversationPath } from '../collaboration/ContactButton';

const PAGE = 30;

/** Today: the time; this year: month and day; else the date (Asia/Shanghai). */
export function shortTime(iso: string | null | undefined, locale: string, now = new Date()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const options: Intl.DateTimeFormatOptions =
    day(date) === day(now)
      ? { hour: '2-digit', minute: '2-digit', hour12: false }
      : day(date).slice(0, 4) === day(now).slice(0, 4)
        ? { month: '2-digit', day: '2-digit' }
        : { year: 'numeric', month: '2-digit', day: '2-digit' };
  return date.toLocaleString(locale, { timeZone: 'Asia/Shanghai', ...options });
}

/** The subject of a thread as a short label: 资源 · title / 商机 · title / 直接沟通. */
export const SubjectChip = ({ conversation }: { conversation: ConversationRecord }) => {
  const translate = useTranslate();
  const kind = translate(`cop.conversations.subject.${conversation.subjectType}`, { _: conversation.subjectType });
  const label = conversation.subjectType !== 'plain' && conversation.subjectTitle ? `${kind} · ${conversation.subjectTitle}` : kind;
  return <Chip size="small" variant="outlined" label={label} sx={{ maxWidth: '100%' }} />;
};

/** The threads of my enterprise, newest message first; unread ones carry a badge. */
export const ThreadList = ({ selectedId }: { selectedId?: Identifier }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale] = useLocaleState();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [perPage, setPerPage] = useState(PAGE);
  const { data, total, isPending } = useGetList<ConversationRecord>('conversations', {
    // the server filters on hasUnread (the contract's `unread=true`; `unread` itself is a computed count)
    filter: unreadOnly ? { hasUnread: true } : {},
    sort: { field: 'lastMessageAt', order: 'DESC' },
    pagination: { page: 1, perPage },
  });
  const threads = data ?? [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }} data-testid="conversation-threads">
      <Box sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <FormControlLabel
          control={<Switch size="small" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />}
          label={<Typography variant="body2">{translate('cop.conversations.unread_only')}</Typography>}
        />
      </Box>
      {isPending ? <LinearProgress /> : null}
      <Box sx={{ overflowY: 'auto', flex: 1 }}>
        {!isPending && !threads.length ? (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }} data-testid="conversations-empty">
            {translate(unreadOnly ? 'cop.conversations.no_unread' : 'cop.conversations.empty')}
          </Typography>
        ) : null}
        <MuiList disablePadding>
          {threads.map((thread) => (
            <ListItemButton
              key={thread.id}
              selected={String(thread.id) === String(selectedId ?? '')}
              onClick={() => navigate(conversationPath(thread.id))}
              alignItems="flex-start"
              divider
              data-testid={`conversation-thread-${thread.id}`}
              data-unread={thread.unread ?? 0}
            >
              <ListItemAvatar>
                <Badge badgeContent={thread.unread ?? 0} color="error" max={99} overlap="circular">
                  <Avatar sx={{ bgcolor: 'primary.main' }}>{(thread.counterpartName ?? '?').slice(0, 1)}</Avatar>
                </Badge>
              </ListItemAvatar>
              <ListItemText
                disableTypography
                primary={
                  <Stack direction="row" spacing={1} alignItems="baseline">
                    <Typography
                      variant="subtitle2"
                      noWrap
                      sx={{ flex: 1, fontWeight: thread.unread ? 'bold' : undefined }}
                    >
                      {thread.counterpartName ?? `#${thread.counterpartId}`}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                      {shortTime(thread.lastMessageAt, acceptLanguageFor(locale))}
                    </Typography>
                  </Stack>
                }
                secondary={
                  <Box sx={{ minWidth: 0 }}>
                    <SubjectChip conversation={thread} />
                    <Typography
                      variant="body2"
                      color={thread.unread ? 'text.primary' : 'text.secondary'}
                      noWrap
                      sx={{ mt: 0.5, fontWeight: thread.unread ? 'bold' : undefined }}
                    >
                      {thread.lastMessagePreview || '\u00a0'}
                    </Typography>
                  </Box>
                }
              />
            </ListItemButton>
          ))}
        </MuiList>
        {total !== undefined && threads.length < total ? (
          <Box sx={{ textAlign: 'center', py: 1 }}>
            <MuiButton size="small" onClick={() => setPerPage(perPage + PAGE)}>
              {translate('cop.conversations.load_more')}
            </MuiButton>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};
