import { useState, type FormEvent, type ReactElement } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import ChatIcon from '@mui/icons-material/Chat';
import {
  Button,
  useDataProvider,
  useNavigate,
  usePermissions,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import { MAX_MESSAGE, type SubjectType } from './types';

export interface StartConversation {
  subjectType: SubjectType;
  subjectId?: Identifier;
  counterpartId?: Identifier;
}

/** POST /conversations body: the first message of a thread (or the next one of the existing thread). */
export function conversationBody(start: StartConversation, text: string): Record<string, unknown> {
  const body: Record<string, unknown> = { subjectType: start.subjectType, text: text.trim() };
  if (start.subjectId !== undefined && start.subjectId !== null) body.subjectId = start.subjectId;
  if (start.counterpartId !== undefined && start.counterpartId !== null) body.counterpartId = start.counterpartId;
  return body;
}

/** The conversation page of a thread. */
export const conversationPath = (id: Identifier) => `/conversations/${encodeURIComponent(String(id))}/show`;

/**
 * 联系提供方 / 联系发布方 / 沟通: a dialog asking the first message, then POST /conversations (the
 * server reuses the thread of the same two enterprises and subject) and open that thread. Shown only
 * with conversations.use.
 */
export const ContactButton = ({
  start,
  label,
  title,
  icon = <ChatIcon />,
  testId,
  variant,
}: {
  start: StartConversation | null;
  /** Button label and dialog title (translation keys). */
  label: string;
  title?: string;
  icon?: ReactElement;
  testId: string;
  variant?: 'text' | 'outlined' | 'contained';
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<CopPermissions>();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!start || !canAccessWith(permissions, 'conversations', 'create')) return null;

  const close = () => {
    setOpen(false);
    setText('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const message = text.trim();
    if (!message) return setError(translate('ra.validation.required'));
    if (message.length > MAX_MESSAGE) return setError(translate('ra.validation.maxLength', { max: MAX_MESSAGE }));
    setBusy(true);
    try {
      const { data } = await dataProvider.create('conversations', { data: conversationBody(start, message) });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      close();
      navigate(conversationPath(data.id));
    } catch (e: any) {
      setError(e?.body?.errors?.text || e?.body?.errors?.subjectId || e?.message || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        data-testid={testId}
        variant={variant}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{translate(title ?? label)}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('cop.conversations.first_message_help')}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={4}
              margin="dense"
              required
              label={translate('cop.conversations.message')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setError(null);
              }}
              error={!!error}
              helperText={error ?? `${text.length} / ${MAX_MESSAGE}`}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-text` } }}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy} data-testid={`${testId}-submit`}>
              {translate('cop.conversations.send')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
