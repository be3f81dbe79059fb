import { useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import {
  Button,
  Form,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { hiddenErrorMessages } from '../shared';
import { useCanRunVerb } from '../verbs';
import { IdempotencyKeeper, outcomeUnknown } from './idempotency';

export interface VerbFormButtonProps<T extends RaRecord> {
  /** The verb of POST /<resource>/<id>/<verb>. */
  verb: string;
  label: string;
  icon: ReactElement;
  /** The button's data-testid; the submit button gets `submitTestId`. */
  testId: string;
  submitTestId: string;
  /** Dialog title (translation key). */
  title: string;
  /**
   * The success notification: a translation key, or one decided from the record before and the
   * server's answer (a key and its options).
   */
  done: string | ((record: T, answer: RaRecord) => { key: string; options?: Record<string, unknown> });
  /** Where a server field error belongs in the form (e.g. `lines.0.quantity` → that line's input). */
  errorField?: (field: string, body: Record<string, unknown>) => string;
  /** Shown only for records this returns true for. */
  when?: (record: T) => boolean;
  /** The form's initial values for this record. */
  defaults: (record: T) => Record<string, unknown>;
  /** The request body from the form values. */
  toBody: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The fields the form shows: server errors on them land on their inputs, the others are shown above. */
  fields: readonly string[];
  /** Money postings send an Idempotency-Key (see IdempotencyKeeper). */
  idempotent?: boolean;
  /** The inputs, rendered with the record in context. */
  children: (record: T) => ReactNode;
}

/** Field errors of a 400 answer that belong to inputs of the form (react-admin puts them on the inputs). */
function fieldErrorsOf(error: unknown, fields: readonly string[]): Record<string, string> | undefined {
  const errors = (error as { body?: { errors?: Record<string, unknown> } } | undefined)?.body?.errors;
  if (!errors || typeof errors !== 'object') return undefined;
  const out = Object.fromEntries(
    Object.entries(errors)
      .filter(([field]) => fields.includes(field))
      .map(([field, message]) => [field, String(message)]),
  );
  return Object.keys(out).length ? out : undefined;
}

/** The error with its field errors renamed (server field → form field). */
function renameFieldErrors(error: unknown, rename: (field: string) => string): unknown {
  const body = (error as { body?: { errors?: Record<string, unknown> } } | undefined)?.body;
  if (!body?.errors || typeof body.errors !== 'object') return error;
  const errors = Object.fromEntries(Object.entries(body.errors).map(([field, text]) => [rename(field), text]));
  const { message, status } = error as { message?: string; status?: number };
  return { message, status, body: { ...body, errors } };
}

/**
 * A button opening a dialog form that posts a verb with a body (充值, 设置额度, 还款). Needs write
 * access to the page resource; refreshes the page on success (and when the outcome is unknown, so
 * that a posting that did go through shows up).
 */
export function VerbFormButton<T extends RaRecord = RaRecord>({
  verb,
  label,
  icon,
  testId,
  submitTestId,
  title,
  done,
  when,
  defaults,
  toBody,
  fields,
  idempotent,
  errorField,
  children,
}: VerbFormButtonProps<T>) {
  const record = useRecordContext<T>();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const canWrite = useCanRunVerb(resource, verb);
  const keeper = useRef<IdempotencyKeeper | null>(null);
  const inFlight = useRef(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (!record || !canWrite || (when && !when(record))) return null;
  if (idempotent && !keeper.current) keeper.current = new IdempotencyKeeper();

  const close = () => {
    if (inFlight.current) return;
    setOpen(false);
    setMessage(null);
  };

  const submit = async (values: Record<string, unknown>) => {
    if (inFlight.current) return undefined; // a second click while the first is under way
    const body = toBody(values);
    const idempotencyKey = keeper.current?.keyFor(body);
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await dataProvider.verb(resource, record.id, verb, body, idempotencyKey ? { idempotencyKey } : undefined);
      keeper.current?.succeeded();
      const said = typeof done === 'string' ? { key: done, options: undefined } : done(record, data);
      notify(said.key, { type: 'success', messageArgs: said.options });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      keeper.current?.failed(error);
      if (outcomeUnknown(error)) {
        setMessage(translate(idempotent ? 'cop.ledger.outcome_unknown_retry' : 'cop.ledger.outcome_unknown'));
        refresh();
        return undefined;
      }
      const placed = errorField ? renameFieldErrors(error, (field) => errorField(field, body)) : error;
      const hidden = hiddenErrorMessages(placed, fields).map((text) => translate(text, { _: text }));
      setMessage(hidden.length ? hidden.join('; ') : null);
      return fieldErrorsOf(placed, fields);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        data-testid={testId}
        onClick={(event) => {
          event.stopPropagation();
          setMessage(null);
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm">
        <Form record={defaults(record)} onSubmit={submit} sanitizeEmptyValues={false}>
          <DialogTitle>{translate(title)}</DialogTitle>
          <DialogContent>
            <Stack spacing={1} sx={{ pt: 1 }}>
              {message ? (
                <Alert severity="error" data-testid={`${testId}-error`}>
                  {message}
                </Alert>
              ) : null}
              {children(record)}
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close} disabled={busy}>
              {translate('ra.action.cancel')}
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy} data-testid={submitTestId}>
              {translate('ra.action.confirm')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
