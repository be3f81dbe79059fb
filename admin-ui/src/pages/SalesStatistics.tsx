import { Box, Stack, Typography, useTheme } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import { useTranslate } from 'react-admin';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OrderStatistics } from '../dataProvider';
import { fenToYuan, formatFen } from '../resources/shared';
import { useOrderStatistics, type StatisticsSide } from './statistics';
import { HomeCard } from './HomeCard';

/** The chart's points: yuan per day (recharts plots numbers; the axis and tooltip format them). */
export function trendPoints(statistics: OrderStatistics | undefined) {
  return (statistics?.trend ?? []).map((point) => ({
    day: point.day.slice(5), // MM-DD
    payments: fenToYuan(point.payments) ?? 0,
    refunds: fenToYuan(point.refunds) ?? 0,
  }));
}

const Figure = ({ label, fen, color, testId }: { label: string; fen: number | undefined; color: string; testId: string }) => (
  <Box sx={{ flex: 1, minWidth: 140, p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }} data-testid={testId} data-fen={fen ?? ''}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h6" sx={{ color }}>
      {formatFen(fen ?? 0)}
    </Typography>
  </Box>
);

/**
 * 收付款统计 (home): payments and refunds today and this month, and their 30-day trend, from
 * GET /orders/statistics?side= (fen; shown in yuan). The seller sees what it paid and got back, the
 * supplier what it received and refunded.
 */
export const SalesStatisticsCard = ({ side }: { side: StatisticsSide }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const { data, isPending, error } = useOrderStatistics(side);
  const paymentsColor = theme.palette.primary.main;
  const refundsColor = theme.palette.warning.main;
  const points = trendPoints(data);
  const yuan = (value: number) => `¥${value.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

  return (
    <HomeCard
      title={`cop.home.stats_title_${side}`}
      icon={<InsightsIcon color="primary" />}
      testId={`dashboard-statistics-${side}`}
      loading={isPending}
      error={error}
    >
      {data ? (
        <>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
            <Figure label={translate(`cop.home.today_payments_${side}`)} fen={data.today?.payments} color={paymentsColor} testId={`stats-${side}-today-payments`} />
            <Figure label={translate('cop.home.today_refunds')} fen={data.today?.refunds} color={refundsColor} testId={`stats-${side}-today-refunds`} />
            <Figure label={translate(`cop.home.month_payments_${side}`)} fen={data.month?.payments} color={paymentsColor} testId={`stats-${side}-month-payments`} />
            <Figure label={translate('cop.home.month_refunds')} fen={data.month?.refunds} color={refundsColor} testId={`stats-${side}-month-refunds`} />
          </Stack>
          <Typography variant="subtitle2" gutterBottom>
            {translate('cop.home.trend_30')}
          </Typography>
          {/* minWidth 0 + overflow hidden: the chart follows its card, never widens the page */}
          <Box sx={{ width: '100%', minWidth: 0, height: 280, overflow: 'hidden' }} data-testid={`stats-${side}-trend`}>
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart data={points} margin={{ top: 10, right: 20, left: 10, bottom: 0 }}>
                <defs>
                  <linearGradient id={`payments-${side}`} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="5%" stopColor={paymentsColor} stopOpacity={0.6} />
                    <stop offset="95%" stopColor={paymentsColor} stopOpacity={0} />
                  </linearGradient>
                  <linearGradient id={`refunds-${side}`} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="5%" stopColor={refundsColor} stopOpacity={0.6} />
                    <stop offset="95%" stopColor={refundsColor} stopOpacity={0} />
                  </linearGradient>
                </defs>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} />
                <YAxis tickFormatter={yuan} tick={{ fontSize: 12 }} width={80} />
                <Tooltip formatter={(value) => formatFen(Math.round(Number(value) * 100))} />
                <Legend />
                <Area
                  isAnimationActive={false}
                  type="monotone"
                  dataKey="payments"
                  name={translate(`cop.home.payments_${side}`)}
                  stroke={paymentsColor}
                  fill={`url(#payments-${side})`}
                />
                <Area
                  isAnimationActive={false}
                  type="monotone"
                  dataKey="refunds"
                  name={translate('cop.home.refunds')}
                  stroke={refundsColor}
                  fill={`url(#refunds-${side})`}
                />
              </AreaChart>
            </ResponsiveContainer>
          </Box>
        </>
      ) : null}
    </HomeCard>
  );
};
