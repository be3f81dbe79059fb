import { describe, expect, it } from 'vitest';
import { warnings } from '@cop/config';

describe('warning rules shared by console and server (issue 13 #33)', () => {
  it('a coupon priced above its face value', () => {
    expect(warnings.couponPrice(12000, 10000)?.zh).toBe('参考价 ¥120.00 高于券面值 ¥100.00：客户买到的券不值所付的钱。');
    expect(warnings.couponPrice(10000, 10000)).toBeNull();
    expect(warnings.couponPrice(null, 10000)).toBeNull();
  });

  it('a settlement price above the sale price, per line, named by product', () => {
    const lines = [{ productId: 1, price: 7990, settlementPrice: 8000 }, { productId: 2, price: 5000, settlementPrice: 4000 }, { productId: 3, price: 100 }];
    const found = warnings.settlementPrices(lines, (id) => (id === 1 ? '西湖门票' : '?'));
    expect(found.map((w) => w.zh)).toEqual(['「西湖门票」的结算价 ¥80.00 高于售价 ¥79.90：每卖一件销售方都要亏损。']);
    expect(warnings.settlementPrices(undefined)).toEqual([]);
  });

  it('enabling a credit account with limit 0; a prepaid account or a limit says nothing', () => {
    expect(warnings.creditLimitZero({ kind: 'credit', creditLimit: 0 })?.zh).toContain('授信额度为 0');
    expect(warnings.creditLimitZero({ kind: 'credit', creditLimit: 100 })).toBeNull();
    expect(warnings.creditLimitZero({ kind: 'prepaid' })).toBeNull();
  });

  it('a stock mode switch after sales says what happens to the calendar; before any sale, nothing', () => {
    expect(warnings.stockMode('total', 'daily', 5)?.zh).toContain('每个使用日期都要在库存日历上设置数量');
    expect(warnings.stockMode('daily', 'none', 5)?.zh).toContain('库存日历和总库存都不再使用');
    expect(warnings.stockMode('daily', 'total', 0)).toBeNull();
    expect(warnings.stockMode('daily', 'daily', 5)).toBeNull();
  });
});
