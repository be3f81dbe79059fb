import { describe, expect, it } from 'vitest';
import { PERMISSION_KEYS } from '@cop/config';
import { apiResource } from '../apiResources';
import { canAccessWith, canSeeMenuPath, matchMenuItem, visibleMenuItems } from '../auth/access';
import { formatFen } from '../resources/shared';
import {
  MAX_REPORT_DAYS,
  chartPoints,
  counterpartyLabel,
  daysBetween,
  labelHeading,
  lastDays,
  rangeProblems,
  reportErrors,
  reportQueryString,
  rowLabel,
} from '../resources/reports/logic';
import { formatPoints, incentiveOrderPage, incentiveOrderPath, ruleChoices } from '../resources/incentives/types';
import { homeSections, rankingFigure, rankingQueryString, statusChannelTable } from '../pages/statistics';

const ALL = [...PERMISSION_KEYS];
const supplier = { kind: 'supplier' as const, permissions: ALL };
const seller = { kind: 'seller' as const, permissions: ALL };
const both = { kind: 'both' as const, permissions: ALL };
const only = (...permissions: string[]) => ({ kind: 'seller' as const, permissions });

describe('激励管理 and 报表管理: access', () => {
  it('each incentive page reads incentive-records, on both sides, with incentives.read', () => {
    for (const page of ['incentives/collaboration', 'incentives/bonus']) {
      expect(apiResource(page)).toBe('incentive-records');
      for (const subject of [supplier, seller, both]) {
        expect(canAccessWith(subject, page, 'list'), `${subject.kind} ${page}`).toBe(true);
        expect(canAccessWith(subject, page, 'export')).toBe(true);
        expect(canAccessWith(subject, page, 'create')).toBe(false); // read only
        expect(canSeeMenuPath(subject, `/${page}`)).toBe(true);
      }
      expect(canAccessWith(only('reports.read'), page, 'list')).toBe(false);
    }
    expect(canAccessWith(only('incentives.read'), 'incentive-rules', 'list')).toBe(true);
    expect(canAccessWith(only('incentives.read'), 'incentive-rules', 'edit')).toBe(false);
    expect(matchMenuItem(visibleMenuItems(seller), '/incentives/bonus')?.key).toBe('bonus-points');
  });

  it('the reports page needs reports.read (not orders.read), on both sides', () => {
    expect(canAccessWith(only('reports.read'), 'reports', 'list')).toBe(true);
    expect(canAccessWith(only('orders.read', 'incentives.read'), 'reports', 'list')).toBe(false);
    expect(canSeeMenuPath(only('orders.read'), '/reports')).toBe(false);
    for (const subject of [supplier, seller, both]) expect(canSeeMenuPath(subject, '/reports')).toBe(true);
  });
});

describe('报表管理: the form', () => {
  it('defaults to the last 30 Asia/Shanghai days, today included', () => {
    expect(lastDays(30, '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(lastDays(7, '2026-01-03')).toEqual({ from: '2025-12-28', to: '2026-01-03' });
    expect(daysBetween('2026-02-09', '2026-03-10')).toBe(30);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(366); // a leap year is one allowed range
    expect(daysBetween('x', '2024-12-31')).toBeNaN();
  });

  it('checks the range as the server does: both days, to not before from, at most 366 days (on `to`)', () => {
    expect(rangeProblems('2026-01-01', '2026-01-31')).toEqual({});
    expect(rangeProblems('2026-01-01', '2026-01-01')).toEqual({});
    expect(rangeProblems('2024-01-01', '2024-12-31')).toEqual({});
    expect(rangeProblems('2025-01-01', '2026-01-01')).toEqual({}); // 366 days
    expect(rangeProblems('2024-01-01', '2025-01-01')).toEqual({ to: 'cop.reports.range_too_long' }); // 367 days
    expect(MAX_REPORT_DAYS).toBe(366);
    expect(rangeProblems('2026-02-01', '2026-01-31')).toEqual({ to: 'cop.validation.date_order' });
    expect(rangeProblems('', '2026-01-31')).toEqual({ from: 'ra.validation.required' });
    expect(rangeProblems('2026-01-01', '')).toEqual({ to: 'ra.validation.required' });
    expect(rangeProblems('2026-13-01', '2026-02-30x')).toEqual({ from: 'cop.reports.not_a_date', to: 'cop.reports.not_a_date' });
  });

  it('builds the query with only the parameters the server knows', () => {
    const base = { from: '2026-01-01', to: '2026-01-31' };
    expect(reportQueryString({ groupBy: 'product', ...base, sort: 'quantity' })).toBe(
      'groupBy=product&from=2026-01-01&to=2026-01-31&sort=quantity',
    );
    // an enterprise of kind both names its side; 按日期 runs by day, never sorted
    expect(reportQueryString({ groupBy: 'day', ...base, side: 'seller', sort: 'amount' })).toBe(
      'groupBy=day&from=2026-01-01&to=2026-01-31&side=seller',
    );
    expect(reportQueryString({ groupBy: 'counterparty', ...base })).toBe('groupBy=counterparty&from=2026-01-01&to=2026-01-31');
  });

  it('puts the server\'s date errors under their inputs and the rest above the table', () => {
    const refused = { message: '参数错误', body: { message: '参数错误', errors: { to: '日期范围不能超过 366 天' } } };
    expect(reportErrors(refused)).toEqual({ to: '日期范围不能超过 366 天' });
    expect(reportErrors({ body: { errors: { from: '应为日期（YYYY-MM-DD）', limit: '应为 1–1000 的整数' } } })).toEqual({
      from: '应为日期（YYYY-MM-DD）',
      message: '应为 1–1000 的整数',
    });
    expect(reportErrors({ message: 'Forbidden', body: { message: '无权访问' } })).toEqual({ message: '无权访问' });
    expect(reportErrors(new Error('Failed to fetch'))).toEqual({ message: 'Failed to fetch' });
    expect(reportErrors(null)).toEqual({});
  });

  it('labels the counterparty by side, and translates channels', () => {
    expect(counterpartyLabel('supplier')).toBe('cop.reports.by_seller');
    expect(counterpartyLabel('seller')).toBe('cop.reports.by_supplier');
    expect(labelHeading('counterparty', 'supplier')).toBe('cop.reports.col_seller');
    expect(labelHeading('counterparty', 'seller')).toBe('cop.reports.col_supplier');
    expect(labelHeading('day', 'seller')).toBe('cop.reports.col_day');
    const translate = (key: string) => `<${key}>`;
    expect(rowLabel('channel', { key: 'gov', label: 'gov' }, translate)).toBe('<cop.order_channel.gov>');
    expect(rowLabel('product', { key: 4, label: '千岛湖门票' }, translate)).toBe('千岛湖门票');
    expect(rowLabel('counterparty', { key: 9, label: '' }, translate)).toBe('9');
  });
});

describe('报表管理: rows, totals and chart', () => {
  const row = (key: string | number, label: string, amount: number, refunded = 0) => ({
    key,
    label,
    orders: 1,
    quantity: 2,
    amount,
    refunded,
    net: amount - refunded,
  });

  it('charts the largest rows in yuan', () => {
    const report = {
      query: { groupBy: 'product', from: '2026-01-01', to: '2026-01-31' },
      rows: [row(1, 'A', 123456), row(2, 'B', 5000, 5000), row(3, 'C', 1)],
    };
    expect(chartPoints(report, (r) => r.label, 2)).toEqual([
      { label: 'A', amount: 1234.56, net: 1234.56 },
      { label: 'B', amount: 50, net: 0 },
    ]);
  });

  it('charts every day of the range, days without sales as 0', () => {
    const report = {
      query: { groupBy: 'day', from: '2026-01-30', to: '2026-02-02' },
      rows: [row('2026-01-31', '2026-01-31', 990), row('2026-02-02', '2026-02-02', 10, 10)],
    };
    expect(chartPoints(report, (r) => r.label)).toEqual([
      { label: '01-30', amount: 0, net: 0 },
      { label: '01-31', amount: 9.9, net: 9.9 },
      { label: '02-01', amount: 0, net: 0 },
      { label: '02-02', amount: 0.1, net: 0 },
    ]);
  });

  it('formats the totals in yuan, refunds beyond sales as a negative net', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5000 - 7550)).toBe('-¥25.50');
  });
});

describe('首页: orders by status and channel, 热销排行', () => {
  it('shapes the last 30 days as status rows × channel columns with totals', () => {
    const { rows, totals } = statusChannelTable([
      { status: 'refunded', channel: 'individual', orders: 1, amount: 500 },
      { status: 'paid', channel: 'gov', orders: 2, amount: 20000 },
      { status: 'paid', channel: 'individual', orders: 3, amount: 3000 },
      { status: 'pending_audit', channel: 'gov', orders: 1, amount: 100 },
      { status: 'paid', channel: 'employee', orders: 1, amount: 50 },
    ]);
    // in the order pages' order of statuses
    expect(rows.map((r) => r.status)).toEqual(['pending_audit', 'paid', 'refunded']);
    const paid = rows[1];
    expect(paid.cells).toEqual({
      individual: { orders: 3, amount: 3000 },
      gov: { orders: 2, amount: 20000 },
      employee: { orders: 1, amount: 50 },
    });
    expect(paid.total).toEqual({ orders: 6, amount: 23050 });
    expect(rows[0].cells.individual).toEqual({ orders: 0, amount: 0 });
    expect(totals.cells.gov).toEqual({ orders: 3, amount: 20100 });
    expect(totals.total).toEqual({ orders: 8, amount: 23650 });
  });

  it('keeps an unknown status or channel in the totals and lists unknown statuses last', () => {
    const { rows, totals } = statusChannelTable([
      { status: 'archived', channel: 'individual', orders: 1, amount: 1 },
      { status: 'paid', channel: 'kiosk', orders: 2, amount: 2 },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['paid', 'archived']);
    expect(rows[0].total).toEqual({ orders: 2, amount: 2 });
    expect(totals.total).toEqual({ orders: 3, amount: 3 });
    expect(statusChannelTable(undefined)).toEqual({
      rows: [],
      totals: expect.objectContaining({ total: { orders: 0, amount: 0 } }),
    });
  });

  it('asks the ranking of the seller side over the chosen period', () => {
    expect(rankingQueryString(7, 'quantity', 'seller', '2026-03-10')).toBe('side=seller&sort=quantity&from=2026-03-04&to=2026-03-10');
    expect(rankingQueryString(90, 'amount', 'seller', '2026-03-10')).toBe('side=seller&sort=amount&from=2025-12-11&to=2026-03-10');
  });
});

describe('协同值 / 奖金值明细', () => {
  it('links a record to its order on the side it belongs to', () => {
    expect(incentiveOrderPath({ side: 'seller', channel: 'gov', orderId: 12 })).toBe('/my-orders/12/show');
    expect(incentiveOrderPath({ side: 'supplier', channel: 'gov', orderId: 12 })).toBe('/orders/gov/12/show');
    expect(incentiveOrderPath({ side: 'supplier', channel: 'employee', orderId: 3 })).toBe('/orders/employee/3/show');
    expect(incentiveOrderPage({ side: 'supplier', channel: 'individual' })).toBe('orders/individual');
    expect(incentiveOrderPath({ side: 'supplier', channel: 'kiosk', orderId: 3 })).toBeNull();
    expect(incentiveOrderPath({ side: 'seller', channel: 'gov', orderId: null })).toBeNull();
  });

  it('shows points with their sign, grouped', () => {
    expect(formatPoints(1200)).toBe('+1,200');
    expect(formatPoints(-30)).toBe('-30');
    expect(formatPoints(0)).toBe('0');
    expect(formatPoints(1200, false)).toBe('1,200');
    expect(formatPoints(-1200, false)).toBe('-1,200');
    expect(formatPoints(null)).toBe('');
  });

  it('offers the rules of the page\'s kind, by name', () => {
    const rules = [
      { id: 1, name: '门票奖金', pointsKind: 'bonus' as const },
      { id: 2, name: 'B 协同', pointsKind: 'collaboration' as const },
      { id: 3, name: 'A 协同', pointsKind: 'collaboration' as const },
    ];
    expect(ruleChoices(rules, 'collaboration')).toEqual([
      { id: 3, name: 'A 协同' },
      { id: 2, name: 'B 协同' },
    ]);
    expect(ruleChoices(undefined, 'bonus')).toEqual([]);
  });
});

describe('home sections: each figure needs the key of its data', () => {
  it('hides the payment figures from a sub-account with ordering rights only', () => {
    expect(homeSections({ kind: 'seller', permissions: ['orders.place'] })).toEqual({ sellerOrders: false, supplierOrders: false, statistics: [] });
    expect(homeSections({ kind: 'seller', permissions: ['orders.read', 'orders.place'] }).statistics).toEqual([]);
    expect(homeSections({ kind: 'seller', permissions: ['orders.read', 'orders.place'] }).sellerOrders).toBe(true);
    expect(homeSections({ kind: 'seller', permissions: ['ledger.read'] })).toEqual({ sellerOrders: false, supplierOrders: false, statistics: ['seller'] });
    expect(homeSections({ kind: 'both', permissions: [...PERMISSION_KEYS] })).toEqual({ sellerOrders: true, supplierOrders: true, statistics: ['seller', 'supplier'] });
    expect(homeSections(null).statistics).toEqual([]);
  });
});

describe('热销排行 shows net figures', () => {
  it('subtracts refunds from the units and the amount', () => {
    const row = { orders: 2, quantity: 3, amount: 2400, refunded: 800, net: 1600, refundedQuantity: 1, netQuantity: 2 };
    expect(rankingFigure(row, 'quantity')).toBe(2);
    expect(rankingFigure(row, 'amount')).toBe(1600);
  });
});
