import { useState, type FormEvent, type ReactElement } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Tooltip,
} from '@mui/material';
import {
  Button,
  Confirm,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { CopDataProvider } from '../dataProvider';
import { canAccessWith, canRunVerb } from '../auth/access';
import type { CopPermissions } from '../auth/session';

interface VerbButtonProps<T extends RaRecord> {
  /** The verb of POST /<resource>/<id>/<verb>. */
  verb: string;
  label: string;
  icon: ReactElement;
  testId: string;
  /** Shown only for records this returns true for (e.g. by status). */
  when?: (record: T) => boolean;
  /** Asks for confirmation first (title / content are translation keys). */
  confirmTitle?: string;
  confirmContent?: string;
  /** Translation key of the success notification. */
  done: string;
}

/**
 * Access to a verb is access to write the resource (permission `<area>.write`), decided by the same
 * map as authProvider.canAccess but synchronously: a useCanAccess query here would share its cache key
 * with the Edit page's own access check while the record is loading and keep that page pending.
 */
export const useCanWrite = (resource: string) => {
  const { permissions } = usePermissions<CopPermissions>();
  return canAccessWith(permissions, resource, 'edit');
};

/**
 * Access to one verb of a page: its own key where the resource lists it (the order verbs), else write
 * access (same synchronous decision as useCanWrite).
 */
export const useCanRunVerb = (resource: string, verb: string) => {
  const { permissions } = usePermissions<CopPermissions>();
  return canRunVerb(permissions, resource, verb);
};

function errorText(error: any, fallback: string) {
  return error?.body?.errors?.reason || error?.message || fallback;
}

/** A button posting a body-less verb on the current record (list, unlist, resume, confirm, enable…). */
export function VerbButton<T extends RaRecord = RaRecord>({
  verb,
  label,
  icon,
  testId,
  when,
  confirmTitle,
  confirmContent,
  done,
}: VerbButtonProps<T>) {
  const record = useRecordContext<T>();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<CopDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const canWrite = useCanRunVerb(resource, verb);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!record || !canWrite || (when && !when(record))) return null;

  const run = async () => {
    setBusy(true);
    try {
      await dataProvider.verb(resource, record.id, verb, {});
      notify(done, { type: 'success' });
      refresh();
    } catch (error: any) {
      notify(errorText(error, 'ra.notification.http_error'), { type: 'error' });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        disabled={busy}
        data-testid={testId}
        onClick={(event) => {
          event.stopPropagation();
          if (confirmTitle) setAsking(true);
          else void run();
        }}
      >
        {icon}
      </Button>
      {confirmTitle ? (
        <Confirm
          isOpen={asking}
          loading={busy}
          title={confirmTitle}
          content={confirmContent ?? ''}
          onConfirm={run}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}

interface ReasonVerbButtonProps<T extends RaRecord> extends Omit<VerbButtonProps<T>, 'confirmTitle' | 'confirmContent'> {
  /** Dialog title (translation key). */
  title: string;
  maxLength?: number;
  /** The reason may be left empty (then the body is `{}`): cancel an order. */
  optional?: boolean;
  /** Text above the reason (translation key), e.g. what the verb does. */
  content?: string;
  /** The body field the text is sent as (default `reason`), and its label (translation key). */
  field?: string;
  fieldLabel?: string;
  /** The submit button: label (translation key, default 确认) and colour (default error: most such verbs stop something). */
  submitLabel?: string;
  submitColor?: 'error' | 'primary';
  /**
   * Why the verb cannot run now (a translation key, shown as the tooltip of the disabled button), or
   * null: the button stays visible but disabled (e.g. 响应 after the deadline).
   */
  blocker?: (record: T) => string | null;
}

/** A button posting a verb whose body is `{ reason }` (required unless optional), asked in a dialog: stop, terminate. */
export function ReasonVerbButton<T extends RaRecord = RaRecord>({
  verb,
  label,
  icon,
  testId,
  when,
  done,
  title,
  maxLength,
  optional,
  content,
  field = 'reason',
  fieldLabel = 'cop.common.reason',
  submitLabel = 'ra.action.confirm',
  submitColor = 'error',
  blocker,
}: ReasonVerbButtonProps<T>) {
  const record = useRecordContext<T>();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const canWrite = useCanRunVerb(resource, verb);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!record || !canWrite || (when && !when(record))) return null;

  const close = () => {
    setOpen(false);
    setReason('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const text = reason.trim();
    if (!text && !optional) {
      setError(translate('ra.validation.required'));
      return;
    }
    if (maxLength && text.length > maxLength) {
      setError(translate('ra.validation.maxLength', { max: maxLength }));
      return;
    }
    setBusy(true);
    try {
      await dataProvider.verb(resource, record.id, verb, text ? { [field]: text } : {});
      notify(done, { type: 'success' });
      close();
      refresh();
    } catch (e: any) {
      setError(errorText(e, translate('ra.notification.http_error')));
    } finally {
      setBusy(false);
    }
  };

  const blocked = blocker ? blocker(record) : null;
  const button = (
    <Button
      label={label}
      data-testid={testId}
      disabled={!!blocked}
      onClick={(event) => {
        event.stopPropagation();
        setOpen(true);
      }}
    >
      {icon}
    </Button>
  );

  return (
    <>
      {blocked ? (
        <Tooltip title={translate(blocked)}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{translate(title)}</DialogTitle>
          <DialogContent>
            {content ? <DialogContentText>{translate(content)}</DialogContentText> : null}
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={3}
              margin="dense"
              required={!optional}
              label={translate(fieldLabel)}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setError(null);
              }}
              error={!!error}
              helperText={error ?? (maxLength ? `${reason.length} / ${maxLength}` : undefined)}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-reason` } }}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" color={submitColor} disabled={busy} data-testid={`${testId}-submit`}>
              {translate(submitLabel)}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
