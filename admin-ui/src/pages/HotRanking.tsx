import { useState } from 'react';
import {
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import WhatshotIcon from '@mui/icons-material/Whatshot';
import { useDataProvider, useTranslate } from 'react-admin';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CopDataProvider } from '../dataProvider';
import { formatFen } from '../resources/shared';
import { HomeCard } from './HomeCard';
import { RANKING_PERIODS, rankingFigure, rankingQueryString, type RankingPeriod, type RankingSort, type StatisticsSide } from './statistics';

/**
 * 热销排行 (seller home): the 10 products sold most over the last 7 / 30 / 90 days, by quantity or by
 * amount (GET /orders/ranking), each with a bar relative to the first.
 */
export const HotRankingCard = ({ side = 'seller' }: { side?: StatisticsSide }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const [days, setDays] = useState<RankingPeriod>(30);
  const [sort, setSort] = useState<RankingSort>('quantity');
  const query = rankingQueryString(days, sort, side);
  const { data, isFetching, error } = useQuery({
    queryKey: ['orders', 'ranking', query],
    queryFn: () => dataProvider.orderRanking(query),
    placeholderData: keepPreviousData,
  });
  const rows = data?.rows ?? [];
  const top = Math.max(1, ...rows.map((row) => rankingFigure(row, sort)));

  return (
    <HomeCard
      title="cop.home.ranking"
      icon={<WhatshotIcon color="error" />}
      testId="dashboard-ranking"
      loading={isFetching}
      error={error}
      empty={!!data && !rows.length && 'cop.home.ranking_empty'}
      emptyTestId="ranking-empty"
      action={
        <Stack direction="row" spacing={1} sx={{ mt: 1, mr: 1 }}>
          <ToggleButtonGroup size="small" exclusive value={days} onChange={(_event, value: RankingPeriod | null) => value && setDays(value)}>
            {RANKING_PERIODS.map((period) => (
              <ToggleButton key={period} value={period} data-testid={`ranking-days-${period}`}>
                {translate('cop.reports.last_days', { days: period })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <ToggleButtonGroup size="small" exclusive value={sort} onChange={(_event, value: RankingSort | null) => value && setSort(value)}>
            {(['quantity', 'amount'] as const).map((value) => (
              <ToggleButton key={value} value={value} data-testid={`ranking-sort-${value}`}>
                {translate(`cop.home.ranking_by_${value}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
      }
    >
      {rows.length ? (
        <Table size="small" data-testid="ranking">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64, whiteSpace: 'nowrap' }}>{translate('cop.home.rank')}</TableCell>
              <TableCell>{translate('cop.reports.col_product')}</TableCell>
              <TableCell align="right" title={translate('cop.home.ranking_net_hint')}>{translate('cop.home.ranking_net_quantity')}</TableCell>
              <TableCell align="right" title={translate('cop.home.ranking_net_hint')}>{translate('cop.home.ranking_net_amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={String(row.key)} data-testid={`ranking-${row.key}`}>
                <TableCell>
                  <Box
                    component="span"
                    sx={{
                      display: 'inline-grid',
                      placeItems: 'center',
                      width: 24,
                      height: 24,
                      borderRadius: '50%',
                      fontSize: 12,
                      fontWeight: 700,
                      bgcolor: index < 3 ? 'error.main' : 'action.selected',
                      color: index < 3 ? 'error.contrastText' : 'text.primary',
                    }}
                  >
                    {index + 1}
                  </Box>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{row.label}</Typography>
                  <Box sx={{ height: 4, mt: 0.5, borderRadius: 2, bgcolor: 'action.hover' }}>
                    <Box
                      sx={{
                        height: 4,
                        borderRadius: 2,
                        bgcolor: 'primary.main',
                        width: `${Math.round((rankingFigure(row, sort) / top) * 100)}%`,
                      }}
                    />
                  </Box>
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: sort === 'quantity' ? 700 : undefined }}>
                  {rankingFigure(row, 'quantity').toLocaleString('en-US')}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontWeight: sort === 'amount' ? 700 : undefined }}>
                  {formatFen(rankingFigure(row, 'amount'))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </HomeCard>
  );
};
