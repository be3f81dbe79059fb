import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import TableChartIcon from '@mui/icons-material/TableChart';
import { useTranslate } from 'react-admin';
import { formatFen } from '../resources/shared';
import { ORDER_CHANNELS, orderStatusColors, type OrderStatus } from '../resources/orders/types';
import { HomeCard } from './HomeCard';
import { statusChannelTable, useOrderStatistics, type OrdersCell, type StatisticsSide } from './statistics';

/** 'count / ¥amount'; a dash when nothing. */
const Cell = ({ cell, bold }: { cell: OrdersCell; bold?: boolean }) =>
  cell.orders ? (
    <Box component="span" sx={{ whiteSpace: 'nowrap', fontWeight: bold ? 700 : undefined }} data-orders={cell.orders} data-fen={cell.amount}>
      {cell.orders}
      <Box component="span" sx={{ color: 'text.secondary', mx: 0.5 }}>
        /
      </Box>
      {formatFen(cell.amount)}
    </Box>
  ) : (
    <Box component="span" sx={{ color: 'text.disabled' }}>
      -
    </Box>
  );

/**
 * 订单统计（近 30 天） (supplier home): the orders created over the last 30 days by status (rows, the
 * labels of the order pages) and channel (columns), each cell the count and the amount, with totals;
 * from the `orders` of GET /orders/statistics (the same request as the payment statistics).
 */
export const OrdersByStatusCard = ({ side = 'supplier' }: { side?: StatisticsSide }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useOrderStatistics(side);
  const { rows, totals } = statusChannelTable(data?.orders);
  return (
    <HomeCard
      title="cop.home.orders_by_status"
      icon={<TableChartIcon color="primary" />}
      testId={`dashboard-orders-by-status-${side}`}
      loading={isPending}
      error={error}
      empty={!!data && !rows.length && 'cop.home.no_orders_30'}
      emptyTestId="orders-by-status-empty"
    >
      {rows.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="orders-by-status">
            <TableHead>
              <TableRow>
                <TableCell>{translate('cop.home.status')}</TableCell>
                {ORDER_CHANNELS.map((channel) => (
                  <TableCell key={channel} align="right">
                    {translate(`cop.order_channel.${channel}`)}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('cop.reports.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.status} hover data-testid={`orders-by-status-${row.status}`}>
                  <TableCell>
                    <Chip
                      size="small"
                      color={orderStatusColors[row.status as OrderStatus] ?? 'default'}
                      label={translate(`cop.order_status.${row.status}`, { _: row.status })}
                    />
                  </TableCell>
                  {ORDER_CHANNELS.map((channel) => (
                    <TableCell key={channel} align="right">
                      <Cell cell={row.cells[channel]} />
                    </TableCell>
                  ))}
                  <TableCell align="right">
                    <Cell cell={row.total} bold />
                  </TableCell>
                </TableRow>
              ))}
              <TableRow data-testid="orders-by-status-total" sx={{ '& td': { borderBottom: 'none', fontWeight: 700 } }}>
                <TableCell>{translate('cop.reports.total')}</TableCell>
                {ORDER_CHANNELS.map((channel) => (
                  <TableCell key={channel} align="right">
                    <Cell cell={totals.cells[channel]} bold />
                  </TableCell>
                ))}
                <TableCell align="right">
                  <Cell cell={totals.total} bold />
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      ) : null}
    </HomeCard>
  );
};
