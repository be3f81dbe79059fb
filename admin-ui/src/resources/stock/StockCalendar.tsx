import { useMemo, useState } from 'react';
import { Alert, Box, Card, CardContent, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { LinearProgress, RecordContextProvider, useGetList, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { DateTimeField } from '../shared';
import { MaintainStockButton } from './MaintainStockButton';
import { maintainRange, monthGrid, shanghaiToday, shiftMonth } from './monthGrid';

export interface StockDay {
  id: Identifier;
  productId: Identifier;
  slot: string;
  total: number;
  reserved: number;
  sold: number;
  available: number;
  updatedAt?: string;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const Counter = ({ label, value, color }: { label: string; value: number; color?: string }) => (
  <Typography variant="caption" component="div" sx={{ color, lineHeight: 1.4 }} noWrap>
    {label} {value}
  </Typography>
);

/** 日历库存: one month, Monday first, each day with remaining / reserved / sold. */
export const DailyStockCalendar = ({ productId }: { productId: Identifier }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const today = shanghaiToday();
  const [month, setMonth] = useState(() => ({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }));
  const grid = useMemo(() => monthGrid(month.year, month.month), [month]);
  const { data, isPending, error, refetch } = useGetList<StockDay>('stock-days', {
    filter: { productId, slot_gte: grid.first, slot_lte: grid.last },
    pagination: { page: 1, perPage: 62 },
    sort: { field: 'slot', order: 'ASC' },
  });
  const bySlot = useMemo(() => new Map((data ?? []).map((day) => [day.slot, day])), [data]);
  const go = (delta: number) => setMonth(shiftMonth(month.year, month.month, delta));

  return (
    <Card variant="outlined" data-testid="stock-calendar" data-month={grid.first.slice(0, 7)}>
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
          <Tooltip title={translate('cop.stock.prev_month')}>
            <IconButton onClick={() => go(-1)} data-testid="stock-prev-month" aria-label={translate('cop.stock.prev_month')}>
              <ChevronLeftIcon />
            </IconButton>
          </Tooltip>
          <Typography variant="h6" data-testid="stock-month">
            {translate('cop.stock.month_title', { year: month.year, month: month.month })}
          </Typography>
          <Tooltip title={translate('cop.stock.next_month')}>
            <IconButton onClick={() => go(1)} data-testid="stock-next-month" aria-label={translate('cop.stock.next_month')}>
              <ChevronRightIcon />
            </IconButton>
          </Tooltip>
          <Box sx={{ flex: 1 }} />
          <MaintainStockButton
            productId={productId}
            daily
            defaultFrom={maintainRange(grid.first, grid.last, today).from}
            defaultTo={maintainRange(grid.first, grid.last, today).to}
            onDone={() => {
              void refetch();
              refresh();
            }}
          />
        </Stack>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {isPending ? <LinearProgress /> : null}
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 0.5 }}>
          {WEEKDAYS.map((day) => (
            <Typography key={day} variant="subtitle2" align="center" color="text.secondary">
              {translate(`cop.stock.weekdays.${day}`)}
            </Typography>
          ))}
          {grid.cells.map((cell) => {
            const stock = cell.inMonth ? bySlot.get(cell.date) : undefined;
            return (
              <Box
                key={cell.date}
                data-testid={cell.inMonth ? `stock-day-${cell.date}` : undefined}
                data-available={stock?.available}
                sx={{
                  minHeight: 84,
                  p: 0.75,
                  border: 1,
                  borderColor: cell.date === today ? 'primary.main' : 'divider',
                  borderRadius: 1,
                  bgcolor: cell.inMonth ? 'background.paper' : 'action.hover',
                  opacity: cell.inMonth ? 1 : 0.5,
                }}
              >
                <Typography variant="body2" fontWeight="bold">
                  {cell.day}
                </Typography>
                {stock ? (
                  <>
                    <Counter label={translate('cop.stock.available_short')} value={stock.available} color="success.main" />
                    <Counter label={translate('cop.stock.reserved_short')} value={stock.reserved} color="warning.main" />
                    <Counter label={translate('cop.stock.sold_short')} value={stock.sold} color="text.secondary" />
                  </>
                ) : cell.inMonth ? (
                  <Typography variant="caption" color="text.disabled">
                    {translate('cop.stock.no_stock')}
                  </Typography>
                ) : null}
              </Box>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
};

/** 总库存: the single 'total' counter. */
export const TotalStock = ({ productId }: { productId: Identifier }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { data, isPending, error, refetch } = useGetList<StockDay>('stock-days', {
    filter: { productId, slot: 'total' },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'slot', order: 'ASC' },
  });
  const row = data?.[0];
  const figures: [string, number | undefined][] = [
    ['resources.stock-days.fields.available', row?.available],
    ['resources.stock-days.fields.reserved', row?.reserved],
    ['resources.stock-days.fields.sold', row?.sold],
    ['resources.stock-days.fields.total', row?.total],
  ];
  return (
    <Card variant="outlined" data-testid="stock-total">
      <CardContent>
        <Stack direction="row" alignItems="center" sx={{ mb: 2 }}>
          <Typography variant="h6">{translate('cop.stock.total_title')}</Typography>
          <Box sx={{ flex: 1 }} />
          <MaintainStockButton
            productId={productId}
            daily={false}
            onDone={() => {
              void refetch();
              refresh();
            }}
          />
        </Stack>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {isPending ? <LinearProgress /> : null}
        {!isPending && !row ? <Typography color="text.secondary">{translate('cop.stock.no_stock')}</Typography> : null}
        {row ? (
          <Stack direction="row" spacing={4} data-testid="stock-day-total" data-available={row.available}>
            {figures.map(([label, value]) => (
              <Box key={label}>
                <Typography variant="caption" color="text.secondary">
                  {translate(label)}
                </Typography>
                <Typography variant="h5">{value ?? '-'}</Typography>
              </Box>
            ))}
            <Box>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate('resources.stock-days.fields.updatedAt')}
              </Typography>
              <RecordContextProvider value={row}>
                <DateTimeField source="updatedAt" />
              </RecordContextProvider>
            </Box>
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
};
