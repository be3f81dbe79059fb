/** One cell of a month calendar (Monday first). */
export interface DayCell {
  /** 'YYYY-MM-DD' */
  date: string;
  day: number;
  /** false for the days of the previous / next month that fill the first and last week. */
  inMonth: boolean;
}

export interface MonthGrid {
  year: number;
  /** 1–12 */
  month: number;
  /** First and last day of the month, 'YYYY-MM-DD' (the stock-days slot range to fetch). */
  first: string;
  last: string;
  daysInMonth: number;
  /** Whole weeks: 28, 35 or 42 cells, Monday to Sunday. */
  cells: DayCell[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of a UTC date. */
export const isoDay = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar of a month (month 1–12), weeks starting on Monday. Pure calendar arithmetic in UTC. */
export function monthGrid(year: number, month: number): MonthGrid {
  const firstDate = new Date(Date.UTC(year, month - 1, 1));
  const days = daysInMonth(year, month);
  const lead = (firstDate.getUTCDay() + 6) % 7; // Monday → 0 … Sunday → 6
  const total = Math.ceil((lead + days) / 7) * 7;
  const cells: DayCell[] = [];
  for (let index = 0; index < total; index++) {
    const date = new Date(Date.UTC(year, month - 1, 1 + index - lead));
    cells.push({ date: isoDay(date), day: date.getUTCDate(), inMonth: index >= lead && index < lead + days });
  }
  return {
    year,
    month,
    first: `${year}-${pad(month)}-01`,
    last: `${year}-${pad(month)}-${pad(days)}`,
    daysInMonth: days,
    cells,
  };
}

/** The month `delta` months away (month 1–12). */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Today in Asia/Shanghai (the business day of the platform), 'YYYY-MM-DD'. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The range 库存维护 proposes for the month shown: its days from today on (past days take no stock; the
 * server refuses them), or nothing for a month already over.
 */
export function maintainRange(first: string, last: string, today: string): { from: string; to: string } {
  if (last < today) return { from: '', to: '' };
  return { from: first < today ? today : first, to: last };
}
