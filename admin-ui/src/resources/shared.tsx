import type { ReactElement } from 'react';
import { Chip, type ChipProps } from '@mui/material';
import {
  DateField,
  DateInput,
  Loading,
  NumberInput,
  SaveButton,
  Toolbar,
  regex,
  useFieldValue,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useTranslate,
  type HttpError,
  type NumberInputProps,
  type Validator,
} from 'react-admin';
import { acceptLanguageFor } from '../i18n/locales';

/** Builds an Edit `transform` that sends only the fields the server lets us write. */
export const pickFields =
  <T extends string>(fields: readonly T[]) =>
  (data: Record<string, unknown>) =>
    Object.fromEntries(fields.filter((field) => field in data).map((field) => [field, data[field]]));

/** Passwords: at least 8 characters with letters and digits (the server checks the same). */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,}$/;
export const validatePassword: Validator = regex(PASSWORD_PATTERN, 'cop.validation.password');

/** Lenient phone check: mobile or landline, digits with + - space and parentheses. */
export const validatePhone: Validator = regex(/^[0-9+\-\s()]{5,20}$/, 'cop.validation.phone');

/** createdAt_gte / createdAt_lte as whole days (the data provider turns them into Asia/Shanghai bounds). */
export const createdAtFilters = [
  <DateInput key="createdAt_gte" source="createdAt_gte" label="cop.common.created_from" />,
  <DateInput key="createdAt_lte" source="createdAt_lte" label="cop.common.created_to" />,
];

const SHANGHAI_DATE_TIME: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/** Date and time in Asia/Shanghai, formatted for the UI language. `source` also labels it in show layouts. */
export const DateTimeField = ({ source }: { source: string; label?: string }) => {
  const [locale] = useLocaleState();
  return (
    <DateField source={source} showTime locales={acceptLanguageFor(locale)} options={SHANGHAI_DATE_TIME} />
  );
};

/* ---------- money: integer fen on the wire, yuan with 2 decimals on screen ---------- */

/** Yuan (as typed, number or string) → integer fen; null when empty or not a number. 12.34 → 1234, 0.29 → 29. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  const value = typeof yuan === 'number' ? yuan : yuan.trim() === '' ? NaN : Number(yuan);
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 100);
}

/** Integer fen → yuan number (1234 → 12.34); null when not a number. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return typeof fen === 'number' && Number.isFinite(fen) ? fen / 100 : null;
}

/** Integer fen → '¥12.34' (grouped, always 2 decimals); '' when not a number. */
export function formatFen(fen: number | null | undefined): string {
  const yuan = fenToYuan(fen);
  if (yuan === null) return '';
  const sign = yuan < 0 ? '-' : '';
  const text = Math.abs(yuan).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${sign}¥${text}`;
}

/** The text a MoneyInput shows for a fen value ('12.30'); stable, as NumberInput needs. */
const formatFenInput = (fen: unknown) => {
  const yuan = fenToYuan(typeof fen === 'number' ? fen : null);
  return yuan === null ? '' : yuan.toFixed(2);
};
const parseYuanInput = (yuan: unknown) => yuanToFen(yuan as number | string | null | undefined);

/** A money amount shown in yuan (¥, 2 decimals) from integer fen. */
export const MoneyField = ({ source, emptyText = '-' }: { source: string; label?: string; emptyText?: string; sortable?: boolean }) => {
  const value = useFieldValue({ source });
  const text = formatFen(value);
  return <span data-money-fen={typeof value === 'number' ? value : undefined}>{text || emptyText}</span>;
};

/** A money amount entered in yuan (2 decimals) and stored as integer fen. */
export const MoneyInput = (props: Omit<NumberInputProps, 'format' | 'parse' | 'step'>) => (
  <NumberInput step={0.01} min={0} {...props} format={formatFenInput} parse={parseYuanInput} />
);

/* ---------- enumerations ---------- */

/** SelectInput/SelectField choices for an enumeration whose labels are at `cop.<namespace>.<value>`. */
export const enumChoices = (namespace: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `cop.${namespace}.${id}` }));

/** An enumeration value as a translated chip (`cop.<namespace>.<value>`); unknown values show as sent. */
export const EnumChip = ({
  source,
  namespace,
  colors = {},
}: {
  source: string;
  namespace: string;
  colors?: Record<string, ChipProps['color']>;
  label?: string;
  sortable?: boolean;
}) => {
  const translate = useTranslate();
  const value = useFieldValue({ source });
  if (value === null || value === undefined || value === '') return null;
  return (
    <Chip
      size="small"
      color={colors[String(value)] ?? 'default'}
      label={translate(`cop.${namespace}.${value}`, { _: String(value) })}
      data-value={String(value)}
    />
  );
};

/** A date-only value ('YYYY-MM-DD') shown as sent: no time zone shift. */
export const DayField = ({ source, emptyText = '-' }: { source: string; label?: string; emptyText?: string; sortable?: boolean }) => {
  const value = useFieldValue({ source });
  return <span>{typeof value === 'string' && value ? value.slice(0, 10) : emptyText}</span>;
};

/* ---------- the signed-in enterprise ---------- */

/** The id of the signed-in user's enterprise (pages of one side filter on it: an enterprise of kind both is on two sides). */
export function useOwnEnterpriseId(): { enterpriseId: number | undefined; isPending: boolean } {
  const { identity, isPending } = useGetIdentity();
  const enterprise = identity?.enterprise as { id?: number } | undefined;
  return { enterpriseId: enterprise?.id, isPending };
}

/** Renders its children once the enterprise id is known (lists filter on it from their first request). */
export const WithOwnEnterprise = ({ children }: { children: (enterpriseId: number | undefined) => ReactElement }) => {
  const { enterpriseId, isPending } = useOwnEnterpriseId();
  if (isPending) return <Loading />;
  return children(enterpriseId);
};

/* ---------- server validation errors ---------- */

/**
 * Messages of a 400 `errors` object that no input of the form shows (nested keys such as
 * `lines.0.productId`, or fields the form has no input for), else the top-level message.
 */
export function hiddenErrorMessages(error: unknown, formFields: readonly string[]): string[] {
  const body = (error as HttpError | undefined)?.body as { message?: string; errors?: Record<string, unknown> } | undefined;
  const errors = body?.errors && typeof body.errors === 'object' ? body.errors : {};
  const hidden = Object.entries(errors)
    .filter(([field]) => !formFields.includes(field))
    .map(([, message]) => String(message));
  if (hidden.length) return hidden;
  if (Object.keys(errors).length) return []; // every error sits on its input
  const message = (error as Error | undefined)?.message;
  return [message || 'ra.notification.http_error'];
}

/**
 * mutationOptions.onError for Create/Edit: field errors still land on their inputs (react-admin's
 * server-side validation); the ones no top-level input shows are notified.
 */
export function useServerErrorNotifier(formFields: readonly string[]) {
  const notify = useNotify();
  return (error: unknown) => {
    const messages = hiddenErrorMessages(error, formFields);
    if (messages.length) notify(messages.join('; '), { type: 'error', messageArgs: { _: messages.join('; ') } });
  };
}

/* ---------- validators ---------- */

/** Whole numbers only (quantities). */
export const integer: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'cop.validation.integer';

/** A 'YYYY-MM-DD' end date that must not be before the start date held in `startField`. */
export const notBefore =
  (startField: string): Validator =>
  (value: unknown, values: Record<string, unknown>) => {
    const start = values?.[startField];
    return typeof value === 'string' && typeof start === 'string' && value && start && value < start
      ? 'cop.validation.date_order'
      : undefined;
  };

/* ---------- downloads ---------- */

/** Saves a downloaded blob under a file name (the API answers binary downloads with the bearer token). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Form toolbar without the default Delete button (these resources have no DELETE in the API). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
