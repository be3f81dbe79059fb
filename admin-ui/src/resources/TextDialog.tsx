import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A dialog asking one text (a reason, a message), checked (required unless optional, at most
 * maxLength) before `onSubmit` runs with the trimmed text. `onSubmit` resolves with nothing when done
 * (the dialog closes and forgets the text) or with an error text to show under the field.
 */
export const TextDialog = ({
  open,
  onClose,
  title,
  content,
  label,
  maxLength,
  optional = false,
  minRows = 3,
  submitLabel = 'ra.action.confirm',
  submitColor = 'primary',
  textTestId,
  submitTestId,
  children,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  /** Translation keys: title, text above the field, the field's label, the submit button. */
  title: string;
  content?: string;
  label: string;
  maxLength?: number;
  optional?: boolean;
  minRows?: number;
  submitLabel?: string;
  submitColor?: 'error' | 'primary';
  textTestId?: string;
  submitTestId?: string;
  /** Inputs above the text (they keep their own state). */
  children?: ReactNode;
  onSubmit: (text: string) => Promise<string | void>;
}) => {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    onClose();
    setText('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const value = text.trim();
    if (!value && !optional) return setError(translate('ra.validation.required'));
    if (maxLength && value.length > maxLength) return setError(translate('ra.validation.maxLength', { max: maxLength }));
    setBusy(true);
    try {
      const problem = await onSubmit(value);
      if (problem) setError(problem);
      else close();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>
          {content ? <DialogContentText>{translate(content)}</DialogContentText> : null}
          {children}
          <TextField
            autoFocus={!children}
            fullWidth
            multiline
            minRows={minRows}
            margin="dense"
            required={!optional}
            label={translate(label)}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
            error={!!error}
            helperText={error ?? (maxLength ? `${text.length} / ${maxLength}` : undefined)}
            slotProps={textTestId ? { htmlInput: { 'data-testid': textTestId } } : undefined}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton type="submit" variant="contained" color={submitColor} disabled={busy} data-testid={submitTestId}>
            {translate(submitLabel)}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};
