import { useState, type ReactElement, type ReactNode } from 'react';
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
import { TextDialog } from '../TextDialog';
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
 * The dialog that starts (or continues) a thread: optional inputs above (the counterpart of a plain
 * thread), the message, then POST /conversations (the server reuses the thread of the same two
 * enterprises and subject) and open that thread. `start` null refuses the send as incomplete.
 * `errorFields` are the body fields whose 400 errors are shown, first found first.
 */
export const ConversationDialog = ({
  open,
  onClose,
  title,
  help,
  start,
  errorFields,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** Translation keys. */
  title: string;
  help?: string;
  start: StartConversation | null;
  errorFields: string[];
  /** The message is `<testId>-text`, the send button `<testId>-submit`. */
  testId?: string;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const send = async (message: string) => {
    if (!start) return translate('ra.validation.required');
    try {
      const { data } = await dataProvider.create('conversations', { data: conversationBody(start, message) });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      navigate(conversationPath(data.id));
    } catch (e: any) {
      const fieldError = errorFields.map((field) => e?.body?.errors?.[field]).find(Boolean);
      return String(fieldError || e?.message || translate('ra.notification.http_error'));
    }
  };

  return (
    <TextDialog
      open={open}
      onClose={onClose}
      title={title}
      content={help}
      label="cop.conversations.message"
      maxLength={MAX_MESSAGE}
      minRows={4}
      submitLabel="cop.conversations.send"
      textTestId={testId ? `${testId}-text` : undefined}
      submitTestId={testId ? `${testId}-submit` : undefined}
      onSubmit={send}
    >
      {children}
    </TextDialog>
  );
};

/**
 * 联系提供方 / 联系发布方 / 沟通: a dialog asking the first message, then the thread opens (see
 * ConversationDialog). Shown only with conversations.use.
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
  const { permissions } = usePermissions<CopPermissions>();
  const [open, setOpen] = useState(false);

  if (!start || !canAccessWith(permissions, 'conversations', 'create')) return null;

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
      <ConversationDialog
        open={open}
        onClose={() => setOpen(false)}
        title={title ?? label}
        help="cop.conversations.first_message_help"
        start={start}
        errorFields={['text', 'subjectId']}
        testId={testId}
      />
    </>
  );
};
