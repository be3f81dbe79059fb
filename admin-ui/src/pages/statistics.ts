import { useDataProvider } from 'react-admin';
import { sidesOf } from '@cop/config';
import { canAccessWith, hasPermission, type AccessSubject } from '../auth/access';
import { useQuery } from '@tanstack/react-query';
import type { CopDataProvider, OrdersByStatus, SalesFigures } from '../dataProvider';
import { ORDER_CHANNELS, ORDER_STATUSES, type OrderChannel } from '../resources/orders/types';
import { lastDays } from '../resources/reports/logic';

export type StatisticsSide = 'seller' | 'supplier';

/**
 * What the home page shows a user: each figure needs the key of the data it shows, as the server
 * checks it — the money figures (收付款统计) `ledger.read`, per side the enterprise has; the order
 * cards (热销排行, orders by status, pending orders) `orders.read` on that side.
 */
export function homeSections(subject: AccessSubject | null | undefined) {
  const sellerOrders = canAccessWith(subject, 'my-orders', 'list');
  const supplierOrders = canAccessWith(subject, 'orders/individual', 'list');
  const money = !!subject && hasPermission(subject, 'ledger.read');
  const sides = subject ? sidesOf(subject.kind) : [];
  const statistics = money ? (['seller', 'supplier'] as const).filter((side) => sides.includes(side)) : [];
  return { sellerOrders, supplierOrders, statistics: statistics as StatisticsSide[] };
}

/**
 * GET /orders/statistics?side= of the home page, fetched once per side however many cards show it
 * (the payment chart and the orders by status share the query).
 */
export function useOrderStatistics(side: StatisticsSide) {
  const dataProvider = useDataProvider<CopDataProvider>();
  return useQuery({
    queryKey: ['orders', 'statistics', side],
    queryFn: () => dataProvider.orderStatistics(side),
  });
}

export interface OrdersCell {
  orders: number;
  amount: number;
}

export interface StatusRow {
  status: string;
  cells: Record<OrderChannel, OrdersCell>;
  total: OrdersCell;
}

const emptyCells = (): Record<OrderChannel, OrdersCell> =>
  Object.fromEntries(ORDER_CHANNELS.map((channel) => [channel, { orders: 0, amount: 0 }])) as Record<OrderChannel, OrdersCell>;

const add = (cell: OrdersCell, orders: number, amount: number) => {
  cell.orders += orders;
  cell.amount += amount;
};

/**
 * 订单统计（近 30 天） as a table: one row per status that has orders (in the order pages' order of
 * statuses; unknown ones last), one column per channel, each cell orders and amount (fen), plus the
 * totals of each row and of each channel.
 */
export function statusChannelTable(orders: readonly OrdersByStatus[] | undefined): { rows: StatusRow[]; totals: StatusRow } {
  const byStatus = new Map<string, StatusRow>();
  const totals: StatusRow = { status: 'total', cells: emptyCells(), total: { orders: 0, amount: 0 } };
  for (const entry of orders ?? []) {
    const count = Number(entry.orders) || 0;
    const amount = Number(entry.amount) || 0;
    let row = byStatus.get(entry.status);
    if (!row) {
      row = { status: entry.status, cells: emptyCells(), total: { orders: 0, amount: 0 } };
      byStatus.set(entry.status, row);
    }
    const channel = entry.channel as OrderChannel;
    if (ORDER_CHANNELS.includes(channel)) {
      add(row.cells[channel], count, amount);
      add(totals.cells[channel], count, amount);
    }
    add(row.total, count, amount);
    add(totals.total, count, amount);
  }
  const rank = (status: string) => {
    const index = (ORDER_STATUSES as readonly string[]).indexOf(status);
    return index < 0 ? ORDER_STATUSES.length : index;
  };
  const rows = [...byStatus.values()].sort((a, b) => rank(a.status) - rank(b.status) || a.status.localeCompare(b.status));
  return { rows, totals };
}

/** The periods of 热销排行 (days, today included) and its default. */
export const RANKING_PERIODS = [7, 30, 90] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];
export type RankingSort = 'quantity' | 'amount';

/** The query string of GET /orders/ranking: the seller side, the period up to today, by quantity or amount. */
export function rankingQueryString(days: number, sort: RankingSort, side: StatisticsSide = 'seller', today?: string): string {
  const { from, to } = lastDays(days, today);
  return new URLSearchParams({ side, sort, from, to }).toString();
}

/** The figure 热销排行 shows and ranks by: net of refunds (units or fen), as the server ranks. */
export function rankingFigure(row: SalesFigures, sort: RankingSort): number {
  return sort === 'amount' ? row.net : row.netQuantity ?? row.quantity - (row.refundedQuantity ?? 0);
}
