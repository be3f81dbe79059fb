import { useState, type ReactElement } from 'react';
import { Tooltip } from '@mui/material';
import {
  Button,
  Confirm,
  DeleteButton,
  EditButton,
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
import { TextDialog } from './TextDialog';
import { WarningList } from './WarnBeforeSave';

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
  /**
   * What running the verb would do that is probably not meant (texts in the reader's language); when there
   * are any the button asks first and the dialog lists them (unlisting a product listed combos contain).
   */
  warnings?: (record: T) => Promise<string[]> | string[];
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

/** 编辑, only for records `when` allows by their status (the API answers 409 otherwise); EditButton checks write access. */
export function EditWhenButton<T extends RaRecord = RaRecord>({ when }: { when: (record?: T) => boolean }) {
  const record = useRecordContext<T>();
  return record && when(record) ? <EditButton /> : null;
}

/** 删除 after a confirmation (then back to the list), only for records `when` allows by their status. */
export function DeleteWhenButton<T extends RaRecord = RaRecord>({ when, testId }: { when: (record?: T) => boolean; testId?: string }) {
  const record = useRecordContext<T>();
  return record && when(record) ? <DeleteButton mutationMode="pessimistic" redirect="list" data-testid={testId} /> : null;
}

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
  warnings,
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
  const [warned, setWarned] = useState<string[]>([]);
  const translate = useTranslate();

  if (!record || !canWrite || (when && !when(record))) return null;

  const ask = async () => {
    const found = warnings ? await Promise.resolve(warnings(record)).catch(() => []) : [];
    setWarned(found);
    if (confirmTitle || found.length) setAsking(true);
    else void run();
  };

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
          void ask();
        }}
      >
        {icon}
      </Button>
      {confirmTitle || warnings ? (
        <Confirm
          isOpen={asking}
          loading={busy}
          title={confirmTitle ?? 'cop.warnings.title'}
          confirm={warned.length ? 'cop.warnings.save_anyway' : undefined}
          content={warned.length
            ? <WarningList warnings={warned} question={translate(confirmContent ?? 'cop.warnings.question')} />
            : confirmContent ?? ''}
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

  if (!record || !canWrite || (when && !when(record))) return null;

  const run = async (text: string) => {
    try {
      await dataProvider.verb(resource, record.id, verb, text ? { [field]: text } : {});
      notify(done, { type: 'success' });
      refresh();
    } catch (e: any) {
      return errorText(e, translate('ra.notification.http_error'));
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
      <TextDialog
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        content={content}
        label={fieldLabel}
        maxLength={maxLength}
        optional={optional}
        submitLabel={submitLabel}
        submitColor={submitColor}
        textTestId={`${testId}-reason`}
        submitTestId={`${testId}-submit`}
        onSubmit={run}
      />
    </>
  );
}
