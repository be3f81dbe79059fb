import { DateField, DateInput, regex, useLocaleState, type Validator } from 'react-admin';
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
