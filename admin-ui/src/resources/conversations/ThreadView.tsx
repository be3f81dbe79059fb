import { Fragment, useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  CircularProgress,
  Divider,
  IconButton,
  LinearProgress,
  Link,
  Paper,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import SendIcon from '@mui/icons-material/Send';
import {
  useDataProvider,
  useGetList,
  useGetOne,
  useLocaleState,
  useNotify,
  usePermissions,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import type { CopDataProvider, UploadedFile } from '../../dataProvider';
import { acceptLanguageFor } from '../../i18n/locales';
import { ATTACHMENT_ACCEPT } from '../agreements/types';
import { FileList, uploadProblem } from '../collaboration/files';
import { MAX_MESSAGE, MAX_MESSAGE_ATTACHMENTS, subjectPath, type ConversationRecord, type MessageRecord } from '../collaboration/types';
import { SubjectChip } from './ThreadList';

/** How many messages a thread shows (the oldest first, as the contract lists them). */
export const MESSAGES_PER_THREAD = 500;

/** The day a message belongs to (Asia/Shanghai), to put a date line between days. */
const dayOf = (iso?: string) => (iso ? new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }) : '');

/** The subject of the thread, linked to its page: mine (我的资源 / 发布商机) or the other side's. */
const SubjectLink = ({ conversation }: { conversation: ConversationRecord }) => {
  const { permissions } = usePermissions<CopPermissions>();
  const mineResource = conversation.subjectType === 'resource' ? 'resources' : 'opportunities';
  const readable = conversation.subjectType !== 'plain' && !!conversation.subjectId && canAccessWith(permissions, mineResource, 'show');
  // my own subject is among mine (a list filtered by id answers [] otherwise, where a getOne would 404)
  const { data, isPending } = useGetList(
    mineResource,
    { filter: { id: conversation.subjectId }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: readable },
  );
  const chip = <SubjectChip conversation={conversation} />;
  if (!readable || isPending) return chip;
  const path = subjectPath(conversation, !!data?.length);
  return path ? (
    <Link component={RouterLink} to={path} underline="none" data-testid="conversation-subject-link">
      {chip}
    </Link>
  ) : (
    chip
  );
};

const Bubble = ({ message, locale }: { message: MessageRecord; locale: string }) => {
  const mine = !!message.mine;
  return (
    <Stack alignItems={mine ? 'flex-end' : 'flex-start'} sx={{ my: 1 }} data-testid={`message-${message.id}`} data-mine={mine}>
      <Typography variant="caption" color="text.secondary" sx={{ px: 1 }}>
        {message.senderName ?? ''}{' '}
        {message.createdAt
          ? new Date(message.createdAt).toLocaleTimeString(locale, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })
          : ''}
      </Typography>
      <Paper
        elevation={0}
        sx={{
          px: 1.5,
          py: 1,
          maxWidth: '75%',
          bgcolor: mine ? 'primary.main' : 'action.hover',
          color: mine ? 'primary.contrastText' : 'text.primary',
          borderRadius: 2,
          borderTopRightRadius: mine ? 4 : undefined,
          borderTopLeftRadius: mine ? undefined : 4,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        <Typography variant="body2">{message.body}</Typography>
        {message.attachments?.length ? (
          <Box sx={{ mt: 1, p: 0.5, borderRadius: 1, bgcolor: 'background.paper', color: 'text.primary' }}>
            <FileList resource="conversation-messages" recordId={message.id} files={message.attachments} />
          </Box>
        ) : null}
      </Paper>
    </Stack>
  );
};

/** 发送: text (required) and optional attachments, uploaded first. Ctrl/⌘ + Enter sends. */
const Composer = ({ conversationId, onSent }: { conversationId: Identifier; onSent: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setText('');
    setFiles([]);
    setError(null);
  }, [conversationId]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    setUploading(true);
    let next = files;
    for (const file of chosen) {
      if (next.length >= MAX_MESSAGE_ATTACHMENTS) {
        notify('cop.files.too_many', { type: 'warning', messageArgs: { max: MAX_MESSAGE_ATTACHMENTS, name: file.name } });
        break;
      }
      const problem = uploadProblem(file);
      if (problem) {
        notify(`cop.agreements.upload_${problem}`, { type: 'warning', messageArgs: { name: file.name } });
        continue;
      }
      try {
        next = [...next, await dataProvider.uploadFile(file)];
        setFiles(next);
      } catch (e: any) {
        notify(`${file.name}: ${e?.body?.errors?.file || e?.message || translate('ra.notification.http_error')}`, { type: 'error' });
      }
    }
    setUploading(false);
  };

  const send = async () => {
    const body = text.trim();
    if (!body) return setError(translate('cop.conversations.message_required'));
    if (body.length > MAX_MESSAGE) return setError(translate('ra.validation.maxLength', { max: MAX_MESSAGE }));
    setBusy(true);
    try {
      await dataProvider.create('conversation-messages', {
        data: { conversationId, body, ...(files.length ? { attachmentIds: files.map((file) => file.id) } : {}) },
      });
      setText('');
      setFiles([]);
      setError(null);
      onSent();
    } catch (e: any) {
      setError(e?.body?.errors?.body || e?.message || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <Box sx={{ p: 1.5, borderTop: 1, borderColor: 'divider' }} data-testid="conversation-composer">
      {files.length ? (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
          {files.map((file) => (
            <Chip key={file.id} size="small" icon={<AttachFileIcon />} label={file.name} onDelete={() => setFiles(files.filter((f) => f.id !== file.id))} />
          ))}
        </Stack>
      ) : null}
      <Stack direction="row" spacing={1} alignItems="flex-end">
        <input ref={input} type="file" multiple hidden accept={ATTACHMENT_ACCEPT} onChange={upload} data-testid="composer-file" />
        <Tooltip title={translate('cop.conversations.attach')}>
          <span>
            <IconButton onClick={() => input.current?.click()} disabled={uploading || busy} aria-label={translate('cop.conversations.attach')}>
              {uploading ? <CircularProgress size={20} /> : <AttachFileIcon />}
            </IconButton>
          </span>
        </Tooltip>
        <TextField
          fullWidth
          multiline
          minRows={1}
          maxRows={6}
          size="small"
          placeholder={translate('cop.conversations.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          error={!!error}
          helperText={error ?? undefined}
          slotProps={{ htmlInput: { 'data-testid': 'composer-text', maxLength: MAX_MESSAGE + 100 } }}
        />
        <MuiButton
          variant="contained"
          endIcon={<SendIcon />}
          disabled={busy || uploading}
          onClick={() => void send()}
          data-testid="composer-send"
          sx={{ whiteSpace: 'nowrap' }}
        >
          {translate('cop.conversations.send')}
        </MuiButton>
      </Stack>
    </Box>
  );
};

/**
 * One thread: the counterpart and subject, the messages (mine on the right), the composer. Opening it
 * (and every new message that arrives while it is open) marks it read for my enterprise.
 */
export const ThreadView = ({ id }: { id: Identifier }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = acceptLanguageFor(locale);
  const dataProvider = useDataProvider<CopDataProvider>();
  const queryClient = useQueryClient();
  // the route gives the id as text; filters and bodies carry the number
  const conversationId = Number(id);
  const { data: conversation, isPending, error } = useGetOne<ConversationRecord>('conversations', { id: conversationId });
  const messages = useGetList<MessageRecord>('conversation-messages', {
    filter: { conversationId },
    sort: { field: 'createdAt', order: 'ASC' },
    pagination: { page: 1, perPage: MESSAGES_PER_THREAD },
  });
  const bottom = useRef<HTMLDivElement>(null);
  const marking = useRef(false);
  const count = messages.data?.length ?? 0;

  // read: when the thread shows unread messages (on open, and after a live event brought new ones)
  useEffect(() => {
    if (!conversation || !conversation.unread || marking.current) return;
    marking.current = true;
    dataProvider
      .verb('conversations', conversationId, 'read', {})
      .then(() => queryClient.invalidateQueries({ queryKey: ['conversations'] }))
      .catch(() => undefined)
      .finally(() => {
        marking.current = false;
      });
  }, [conversation?.id, conversation?.unread]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [count, conversationId]);

  if (isPending) return <LinearProgress />;
  if (error || !conversation) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate('cop.conversations.not_found')}
      </Alert>
    );
  }

  let lastDay = '';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }} data-testid="conversation-view" data-id={conversation.id}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h6" noWrap data-testid="conversation-counterpart">
          {conversation.counterpartName ?? `#${conversation.counterpartId}`}
        </Typography>
        <SubjectLink conversation={conversation} />
      </Box>
      <Box sx={{ flex: 1, overflowY: 'auto', px: 2, py: 1 }} data-testid="conversation-messages">
        {messages.isPending ? <LinearProgress /> : null}
        {(messages.data ?? []).map((message) => {
          const day = dayOf(message.createdAt);
          const divider = day && day !== lastDay;
          lastDay = day || lastDay;
          return (
            <Fragment key={message.id}>
              {divider ? (
                <Divider sx={{ my: 1 }}>
                  <Typography variant="caption" color="text.secondary">
                    {day}
                  </Typography>
                </Divider>
              ) : null}
              <Bubble message={message} locale={language} />
            </Fragment>
          );
        })}
        <div ref={bottom} />
      </Box>
      <Composer
        conversationId={conversation.id}
        onSent={() => {
          void queryClient.invalidateQueries({ queryKey: ['conversation-messages'] });
          void queryClient.invalidateQueries({ queryKey: ['conversations'] });
        }}
      />
    </Box>
  );
};
