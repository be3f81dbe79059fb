import { describe, expect, it } from 'vitest';
import { daysInMonth, maintainRange, monthGrid, shanghaiToday, shiftMonth } from '../resources/stock/monthGrid';

describe('stock calendar month grid (Monday first)', () => {
  it('a month starting on a Sunday begins with six days of the previous month', () => {
    const grid = monthGrid(2025, 6); // 2025-06-01 is a Sunday
    expect(grid.cells[0]).toEqual({ date: '2025-05-26', day: 26, inMonth: false });
    expect(grid.cells.slice(0, 6).every((cell) => !cell.inMonth)).toBe(true);
    expect(grid.cells[6]).toEqual({ date: '2025-06-01', day: 1, inMonth: true });
    expect(grid.cells.length).toBe(42); // 6 + 30 days = 36 → six weeks
    expect(grid.cells[41]).toEqual({ date: '2025-07-06', day: 6, inMonth: false });
    expect(grid.first).toBe('2025-06-01');
    expect(grid.last).toBe('2025-06-30');
  });

  it('a month starting on a Monday has no leading days', () => {
    const grid = monthGrid(2025, 9); // 2025-09-01 is a Monday
    expect(grid.cells[0]).toEqual({ date: '2025-09-01', day: 1, inMonth: true });
    expect(grid.cells.length).toBe(35);
  });

  it('handles 28, 29, 30 and 31 day months', () => {
    const feb2026 = monthGrid(2026, 2); // 28 days, starts on a Sunday
    expect(feb2026.daysInMonth).toBe(28);
    expect(feb2026.last).toBe('2026-02-28');
    expect(feb2026.cells.filter((c) => c.inMonth).length).toBe(28);
    expect(feb2026.cells[0].date).toBe('2026-01-26');

    const feb2021 = monthGrid(2021, 2); // 28 days starting on a Monday: exactly four weeks
    expect(feb2021.cells.length).toBe(28);
    expect(feb2021.cells.every((c) => c.inMonth)).toBe(true);

    const feb2024 = monthGrid(2024, 2); // leap year
    expect(feb2024.daysInMonth).toBe(29);
    expect(feb2024.last).toBe('2024-02-29');
    expect(feb2024.cells.filter((c) => c.inMonth).map((c) => c.day).at(-1)).toBe(29);
    expect(monthGrid(2100, 2).daysInMonth).toBe(28); // not a leap year
    expect(monthGrid(2000, 2).daysInMonth).toBe(29);

    const apr = monthGrid(2025, 4);
    expect(apr.daysInMonth).toBe(30);
    expect(apr.last).toBe('2025-04-30');

    const dec = monthGrid(2025, 12);
    expect(dec.daysInMonth).toBe(31);
    expect(dec.last).toBe('2025-12-31');
    expect(dec.cells.at(-1)!.date).toBe('2026-01-04');
  });

  it('always fills whole weeks, Monday to Sunday, with consecutive days', () => {
    for (let month = 1; month <= 12; month++) {
      const grid = monthGrid(2025, month);
      expect(grid.cells.length % 7).toBe(0);
      expect(new Date(`${grid.cells[0].date}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(grid.cells.filter((c) => c.inMonth).length).toBe(daysInMonth(2025, month));
      for (let i = 1; i < grid.cells.length; i++) {
        const previous = Date.parse(`${grid.cells[i - 1].date}T00:00:00Z`);
        expect(Date.parse(`${grid.cells[i].date}T00:00:00Z`) - previous).toBe(86_400_000);
      }
    }
  });

  it('moves between months across years, and knows the day in Shanghai', () => {
    expect(shiftMonth(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
    expect(shiftMonth(2025, 12, 1)).toEqual({ year: 2026, month: 1 });
    expect(shiftMonth(2025, 6, 0)).toEqual({ year: 2025, month: 6 });
    expect(shanghaiToday(new Date('2025-06-30T16:30:00Z'))).toBe('2025-07-01');
    expect(shanghaiToday(new Date('2025-06-30T15:59:00Z'))).toBe('2025-06-30');
  });
});

describe('maintainRange: 库存维护 proposes no past day', () => {
  it('starts the current month at today, leaves later months whole and proposes nothing for a past month', () => {
    expect(maintainRange('2026-11-01', '2026-11-30', '2026-11-20')).toEqual({ from: '2026-11-20', to: '2026-11-30' });
    expect(maintainRange('2026-12-01', '2026-12-31', '2026-11-20')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(maintainRange('2026-10-01', '2026-10-31', '2026-11-20')).toEqual({ from: '', to: '' });
  });
});
