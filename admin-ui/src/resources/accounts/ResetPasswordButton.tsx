import { useState, type FormEvent } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Button,
  useDataProvider,
  useNotify,
  useRefresh,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { PASSWORD_PATTERN } from '../shared';
import { useCanWrite } from '../verbs';

interface Props {
  /** The server resource and verb taking { password }; defaults: an account's reset-password. */
  resource?: string;
  verb?: string;
  /** i18n keys: the button, the dialog title (gets %{name}) and the success message. */
  label?: string;
  title?: string;
  done?: string;
  testId?: string;
}

/**
 * 重置密码: asks for the new password and posts it to a password verb — an account's reset-password
 * or an employee's mini-program password.
 */
export const ResetPasswordButton = ({
  resource = 'accounts',
  verb = 'reset-password',
  label = 'cop.accounts.reset_password',
  title = 'cop.accounts.reset_password_title',
  done = 'cop.accounts.reset_done',
  testId = 'reset-password',
}: Props = {}) => {
  const record = useRecordContext<{ id: number; username?: string; displayName?: string; name?: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh(); // the list shows whether a (mini-program) password is set
  const dataProvider = useDataProvider<CopDataProvider>();
  // not useCanAccess: in the Edit page's actions it would keep the page loading (see useCanWrite)
  const canAccess = useCanWrite(resource);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!record || !canAccess) return null;

  const close = () => {
    setOpen(false);
    setPassword('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!PASSWORD_PATTERN.test(password)) {
      setError(translate('cop.validation.password'));
      return;
    }
    setSaving(true);
    try {
      if (resource === 'accounts' && verb === 'reset-password') await dataProvider.resetAccountPassword(record.id, password);
      else await dataProvider.verb(resource, record.id, verb, { password });
      notify(done, { type: 'success' });
      refresh();
      close();
    } catch (e: any) {
      setError(e?.body?.errors?.password || e?.message || translate('ra.notification.http_error'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        data-testid={`${testId}-${record.id}`}
      >
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="xs">
        <form onSubmit={submit} noValidate>
          <DialogTitle>
            {translate(title, { name: record.displayName || record.username || record.name || '' })}
          </DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              type="password"
              autoComplete="new-password"
              label={translate('cop.accounts.new_password')}
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setError(null);
              }}
              error={!!error}
              helperText={error ?? translate('cop.validation.password')}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-input` } }}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving} data-testid={`${testId}-submit`}>
              {translate('ra.action.confirm')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
