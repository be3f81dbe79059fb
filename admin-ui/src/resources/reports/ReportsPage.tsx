import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { AccessDenied, Button, Loading, Title, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { sidesOf, type Side } from '@cop/config';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import type { CopDataProvider, SalesFigures, SalesReport } from '../../dataProvider';
import { useDownload } from '../ExportButton';
import { formatFen } from '../shared';
import {
  DEFAULT_REPORT_DAYS,
  MAX_REPORT_DAYS,
  REPORT_GROUPS,
  chartPoints,
  counterpartyLabel,
  labelHeading,
  lastDays,
  rangeProblems,
  reportErrors,
  reportQueryString,
  rowLabel,
  type ReportGroup,
  type ReportSort,
} from './logic';

// recharts is large: the chart loads after the table (as the home page's statistics)
const ReportChart = lazy(() => import('./ReportChart').then((module) => ({ default: module.ReportChart })));

const FIGURES = ['orders', 'quantity', 'amount', 'refunded', 'net'] as const;
const MONEY = new Set<string>(['amount', 'refunded', 'net']);
/** 近 7 / 30 / 90 / 365 天 in one click. */
const QUICK_RANGES = [7, 30, 90, 365];
/** The chart shows the largest rows of the groupings that can be long (products, enterprises). */
const CHART_ROWS = 20;

const figure = (figures: SalesFigures, key: (typeof FIGURES)[number]) =>
  MONEY.has(key) ? formatFen(figures[key]) : figures[key].toLocaleString('en-US');

/** The report as a table: one row per group, then the bold 合计 row. */
const ReportTable = ({ report, side }: { report: SalesReport; side: Side }) => {
  const translate = useTranslate();
  const groupBy = report.query.groupBy as ReportGroup;
  return (
    <TableContainer>
      <Table size="small" data-testid="report-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate(labelHeading(groupBy, side))}</TableCell>
            {FIGURES.map((key) => (
              <TableCell key={key} align="right">
                {translate(`cop.reports.col_${key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row) => (
            <TableRow key={String(row.key)} hover data-testid="report-row" data-key={String(row.key)}>
              <TableCell>{rowLabel(groupBy, row, translate)}</TableCell>
              {FIGURES.map((key) => (
                <TableCell key={key} align="right" sx={{ whiteSpace: 'nowrap' }} data-fen={MONEY.has(key) ? row[key] : undefined}>
                  {figure(row, key)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {!report.rows.length ? (
            <TableRow>
              <TableCell colSpan={FIGURES.length + 1} align="center" sx={{ color: 'text.secondary', py: 3 }}>
                {translate('cop.reports.no_rows')}
              </TableCell>
            </TableRow>
          ) : null}
          <TableRow data-testid="report-totals" sx={{ '& td': { fontWeight: 700, borderBottom: 'none' }, bgcolor: 'action.hover' }}>
            <TableCell>{translate('cop.reports.total')}</TableCell>
            {FIGURES.map((key) => (
              <TableCell key={key} align="right" sx={{ whiteSpace: 'nowrap' }} data-fen={MONEY.has(key) ? report.totals[key] : undefined}>
                {figure(report.totals, key)}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/**
 * 报表管理: sales by product, by counterparty (按销售方 for suppliers, 按供货方 for sellers), by channel
 * or by day over a period of at most 366 days (default the last 30), from GET /orders/report; a table
 * with its 合计 row, a bar chart of the amounts and the Excel export. An enterprise of kind both
 * chooses the side it reports on.
 */
export const ReportsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { permissions, isPending: permissionsPending } = usePermissions<CopPermissions>();
  const sides = permissions ? sidesOf(permissions.kind) : [];
  const [groupBy, setGroupBy] = useState<ReportGroup>('product');
  const [range, setRange] = useState(() => lastDays(DEFAULT_REPORT_DAYS));
  const [chosenSide, setChosenSide] = useState<Side>('supplier');
  const [sort, setSort] = useState<ReportSort>('amount');
  const { busy: exporting, run: download } = useDownload();

  // the server's default: the supplier side of suppliers and of enterprises of kind both
  const side: Side = sides.length > 1 ? chosenSide : (sides[0] ?? 'supplier');
  const problems = rangeProblems(range.from, range.to);
  const valid = !problems.from && !problems.to;
  const query = reportQueryString({ groupBy, ...range, side: sides.length > 1 ? side : undefined, sort });
  const allowed = canAccessWith(permissions, 'reports', 'list');
  const { data, error, isFetching } = useQuery({
    queryKey: ['orders', 'report', query],
    queryFn: () => dataProvider.salesReport(query),
    enabled: allowed && valid,
    placeholderData: keepPreviousData,
    retry: false,
  });

  if (permissionsPending) return <Loading />;
  // not a react-admin List: the page checks reports.read itself
  if (!allowed) return <AccessDenied />;

  const refused = reportErrors(error);
  const fieldError = (field: 'from' | 'to') =>
    problems[field] ? translate(problems[field]!, { max: MAX_REPORT_DAYS }) : refused[field];
  const report = valid && !error ? data : undefined;
  const reportSide = (report?.query.side as Side | undefined) ?? side;
  const quickDays = QUICK_RANGES.find((days) => {
    const last = lastDays(days);
    return last.from === range.from && last.to === range.to;
  });
  const points = report
    ? chartPoints(report, (row) => rowLabel(report.query.groupBy as ReportGroup, row, translate), CHART_ROWS)
    : [];

  return (
    <Box sx={{ mt: 1 }} data-testid="reports-page" data-side={side}>
      <Title title={translate('cop.reports.title')} />
      <Card>
        <Box sx={{ borderBottom: 1, borderColor: 'divider', px: 2 }}>
          <Tabs value={groupBy} onChange={(_event, value: ReportGroup) => setGroupBy(value)} variant="scrollable">
            {REPORT_GROUPS.map((group) => (
              <Tab
                key={group}
                value={group}
                label={translate(group === 'counterparty' ? counterpartyLabel(side) : `cop.reports.by_${group}`)}
                data-testid={`report-tab-${group}`}
              />
            ))}
          </Tabs>
        </Box>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'flex-start' }} useFlexGap flexWrap="wrap">
            {(['from', 'to'] as const).map((field) => (
              <TextField
                key={field}
                type="date"
                size="small"
                fullWidth={false}
                sx={{ width: 190 }}
                label={translate(`cop.reports.${field}`)}
                value={range[field]}
                onChange={(event) => setRange((current) => ({ ...current, [field]: event.target.value }))}
                error={!!fieldError(field)}
                helperText={fieldError(field) ?? (field === 'to' ? translate('cop.reports.range_help', { max: MAX_REPORT_DAYS }) : ' ')}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `report-${field}` } }}
              />
            ))}
            <ToggleButtonGroup
              size="small"
              exclusive
              value={quickDays ?? null}
              onChange={(_event, days: number | null) => days && setRange(lastDays(days))}
              aria-label={translate('cop.reports.quick_range')}
            >
              {QUICK_RANGES.map((days) => (
                <ToggleButton key={days} value={days} data-testid={`report-last-${days}`}>
                  {translate('cop.reports.last_days', { days })}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {sides.length > 1 ? (
              <ToggleButtonGroup
                size="small"
                exclusive
                color="primary"
                value={side}
                onChange={(_event, value: Side | null) => value && setChosenSide(value)}
                data-testid="report-side"
              >
                {(['supplier', 'seller'] as const).map((value) => (
                  <ToggleButton key={value} value={value} data-testid={`report-side-${value}`}>
                    {translate(`cop.reports.side_${value}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            ) : null}
            {groupBy !== 'day' ? (
              <ToggleButtonGroup
                size="small"
                exclusive
                value={sort}
                onChange={(_event, value: ReportSort | null) => value && setSort(value)}
                data-testid="report-sort"
              >
                {(['amount', 'quantity'] as const).map((value) => (
                  <ToggleButton key={value} value={value}>
                    {translate(`cop.reports.sort_${value}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            ) : null}
            <Box sx={{ ml: { md: 'auto' } }}>
              <Button
                label="cop.reports.export"
                variant="outlined"
                disabled={!report || exporting}
                onClick={() => void download(() => dataProvider.exportSalesReport(query), 'cop.reports.export_filename')}
                data-testid="report-export"
              >
                <DownloadIcon />
              </Button>
            </Box>
          </Stack>
          {isFetching ? <LinearProgress sx={{ mt: 1 }} /> : <Box sx={{ height: 4, mt: 1 }} />}
          {refused.message ? (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="report-error">
              {translate(refused.message, { _: refused.message })}
            </Alert>
          ) : null}
          {report ? (
            <>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                {translate('cop.reports.period', { from: report.query.from, to: report.query.to })}
                {translate(`cop.reports.side_note_${reportSide}`)}
              </Typography>
              <ReportTable report={report} side={reportSide} />
              {points.length ? (
                <Box sx={{ mt: 3 }}>
                  <Typography variant="subtitle2" gutterBottom>
                    {translate(
                      report.query.groupBy === 'day' || report.rows.length <= CHART_ROWS ? 'cop.reports.chart' : 'cop.reports.chart_top',
                      { count: CHART_ROWS },
                    )}
                  </Typography>
                  <Suspense fallback={<LinearProgress />}>
                    <ReportChart points={points} />
                  </Suspense>
                </Box>
              ) : null}
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
