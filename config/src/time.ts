/** Business days are Asia/Shanghai days (UTC+8, no daylight saving); times are stored in UTC. */
const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant. */
export const shanghaiDay = (at: Date): string => SHANGHAI.format(at);

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
