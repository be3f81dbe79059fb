import { Box, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatFen } from '../shared';
import type { ChartPoint } from './logic';

const yuanTick = (value: number) => `¥${value.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** The amount of each row as a bar (yuan); loaded lazily with recharts. */
export const ReportChart = ({ points }: { points: ChartPoint[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  // long labels (products, enterprises) are slanted and all shown; days and channels stay level, thinned when crowded
  const slanted = points.some((point) => point.label.length > 6);
  return (
    <Box sx={{ width: '100%', minWidth: 0, overflow: 'hidden', height: slanted ? 340 : 300 }} data-testid="report-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 10, right: 20, left: 10, bottom: slanted ? 60 : 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12 }}
            interval={slanted ? 0 : 'preserveStartEnd'}
            angle={slanted ? -30 : 0}
            textAnchor={slanted ? 'end' : 'middle'}
            height={slanted ? 70 : 30}
          />
          <YAxis tickFormatter={yuanTick} tick={{ fontSize: 12 }} width={80} />
          <Tooltip formatter={(value) => formatFen(Math.round(Number(value) * 100))} />
          <Bar isAnimationActive={false} dataKey="amount" name={translate('cop.reports.col_amount')} fill={theme.palette.primary.main} maxBarSize={48} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};
