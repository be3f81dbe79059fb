/** Business days are Asia/Shanghai days (UTC+8, no daylight saving); times are stored in UTC. */
const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant. */
export const shanghaiDay = (at: Date): string => SHANGHAI.format(at);

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Years a business date may have: wide enough for any contract, inside every database's range. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** A real calendar day within the accepted years (2026-02-30, 2026-13-01 and 0000-01-01 are not). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A YYYY-MM-DD string naming a real calendar day. */
export function isDay(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return !!m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
