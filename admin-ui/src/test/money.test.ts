import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, yuanToFen } from '../resources/shared';

describe('money: yuan on screen, integer fen on the wire', () => {
  it('turns yuan into integer fen without floating point drift', () => {
    expect(yuanToFen(12.34)).toBe(1234); // 12.34 * 100 = 1233.9999999999998
    expect(yuanToFen(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(yuanToFen(0.1 + 0.2)).toBe(30); // 0.30000000000000004
    expect(yuanToFen(1.1)).toBe(110);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(100)).toBe(10000);
    expect(yuanToFen('12.34')).toBe(1234);
    expect(yuanToFen('0.07')).toBe(7);
    expect(Number.isInteger(yuanToFen(4.35))).toBe(true);
    expect(yuanToFen(4.35)).toBe(435);
  });

  it('keeps empty and invalid input empty', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('  ')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
  });

  it('turns fen back into yuan and formats it with ¥ and 2 decimals', () => {
    expect(fenToYuan(1234)).toBe(12.34);
    expect(fenToYuan(29)).toBe(0.29);
    expect(fenToYuan(null)).toBeNull();
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(29)).toBe('¥0.29');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-550)).toBe('-¥5.50');
    expect(formatFen(undefined)).toBe('');
  });

  it('round-trips every cent of a few yuan', () => {
    for (let fen = 0; fen <= 1000; fen++) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      expect(yuanToFen((fen / 100).toFixed(2))).toBe(fen);
    }
  });
});
