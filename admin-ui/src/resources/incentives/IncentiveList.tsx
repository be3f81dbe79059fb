import { Box, Card, CardContent, Link, Typography } from '@mui/material';
import MonetizationOnIcon from '@mui/icons-material/MonetizationOn';
import StarsIcon from '@mui/icons-material/Stars';
import { Link as RouterLink } from 'react-router-dom';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import type { CopDataProvider } from '../../dataProvider';
import { useDirectoryOption } from '../collaboration/audience';
import { ExportListButton } from '../ExportButton';
import { DateTimeField, EnumChip, MoneyField, notBefore } from '../shared';
import {
  formatPoints,
  incentiveEventChoices,
  incentiveEventColors,
  incentiveOrderPage,
  incentiveOrderPath,
  ruleChoices,
  type IncentiveRecord,
  type IncentiveRule,
  type PointsKind,
} from './types';

/** The icons of the two pages (as their menu items). */
export const INCENTIVE_ICONS = { collaboration: StarsIcon, bonus: MonetizationOnIcon };

/** The query key of GET /incentive-records/balances (under the resource: a refresh reloads it). */
export const BALANCES_KEY = ['incentive-records', 'balances'] as const;

/** 当前协同值 / 当前奖金值: the balance of the page's kind (the sum of all its records). */
const BalanceCard = ({ kind }: { kind: PointsKind }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { data, isPending, error } = useQuery({ queryKey: BALANCES_KEY, queryFn: () => dataProvider.incentiveBalances() });
  const Icon = INCENTIVE_ICONS[kind];
  return (
    <Card variant="outlined" sx={{ mt: 1 }}>
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, '&:last-child': { pb: 2 } }}>
        <Icon color="primary" sx={{ fontSize: 40 }} />
        <Box>
          <Typography variant="body2" color="text.secondary">
            {translate(`cop.incentives.balance_${kind}`)}
          </Typography>
          <Typography variant="h4" component="div" data-testid="incentive-balance" data-points={data?.[kind] ?? ''}>
            {isPending ? '…' : error ? '-' : formatPoints(data?.[kind] ?? 0, false)}
          </Typography>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto', maxWidth: 520 }}>
          {translate('cop.incentives.balance_help')}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** 订单号, linking to the order's detail page when the user may open it. */
const OrderNumberField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<IncentiveRecord>();
  const { permissions } = usePermissions<CopPermissions>();
  if (!record?.orderNumber) return <span>-</span>;
  const page = incentiveOrderPage(record);
  const path = incentiveOrderPath(record);
  if (!path || !page || !canAccessWith(permissions, page, 'show')) return <span>{record.orderNumber}</span>;
  return (
    <Link component={RouterLink} to={path} underline="hover" onClick={(event) => event.stopPropagation()} data-testid={`incentive-order-${record.id}`}>
      {record.orderNumber}
    </Link>
  );
};

/** 分值: signed; reversals (negative) in red. */
const PointsField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<IncentiveRecord>();
  if (!record) return null;
  return (
    <Box
      component="span"
      sx={{ color: record.points < 0 ? 'error.main' : 'success.main', fontWeight: 500, whiteSpace: 'nowrap' }}
      data-points={record.points}
    >
      {formatPoints(record.points)}
    </Box>
  );
};

const RunningTotalField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<IncentiveRecord>();
  return <span>{formatPoints(record?.runningTotal, false) || '-'}</span>;
};

/** Enough for every rule in force (the server lists at most 1000 rows a page). */
const RULES_PER_PAGE = 1000;

/** 时间 (whole days in Asia/Shanghai), 订单号, 交易对方, 事件 always shown; 规则 on demand. */
const filtersFor = (rules: { id: number; name: string }[], directoryOption: ReturnType<typeof useDirectoryOption>) => [
  <DateInput key="createdAt_gte" source="createdAt_gte" label="cop.incentives.created_from" alwaysOn />,
  <DateInput
    key="createdAt_lte"
    source="createdAt_lte"
    label="cop.incentives.created_to"
    validate={notBefore('createdAt_gte')}
    alwaysOn
  />,
  <TextInput key="q" source="q" alwaysOn resettable data-testid="incentive-filter-order" />,
  <ReferenceInput key="counterpartyId" source="counterpartyId" reference="enterprise-directory" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput
      optionText={directoryOption}
      filterToQuery={(q: string) => ({ q })}
      noOptionsText="ra.navigation.no_results"
      sx={{ minWidth: 280 }}
      data-testid="incentive-filter-counterparty"
    />
  </ReferenceInput>,
  <SelectInput key="event" source="event" choices={incentiveEventChoices} alwaysOn />,
  <SelectInput key="ruleId" source="ruleId" choices={rules} translateChoice={false} sx={{ minWidth: 200 }} />,
];

const ListActions = ({ kind }: { kind: PointsKind }) => (
  <TopToolbar>
    <FilterButton />
    <ExportListButton label="cop.incentives.export" filename={`cop.incentives.export_filename_${kind}`} testId="incentive-export" />
  </TopToolbar>
);

/**
 * 协同值明细 / 奖金值明细: my enterprise's records of one kind of points (incentive-records with the
 * page's fixed kind), newest first, with the balance above, filters and the Excel export.
 */
export const IncentiveList = ({ kind }: { kind: PointsKind }) => {
  const directoryOption = useDirectoryOption();
  const { data: rules } = useGetList<IncentiveRule>('incentive-rules', {
    filter: { pointsKind: kind },
    pagination: { page: 1, perPage: RULES_PER_PAGE },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <>
      <BalanceCard kind={kind} />
      <List
        filter={{ kind }}
        filters={filtersFor(ruleChoices(rules, kind), directoryOption)}
        actions={<ListActions kind={kind} />}
        sort={{ field: 'createdAt', order: 'DESC' }}
        exporter={false}
        empty={false}
        title={`cop.incentives.title_${kind}`}
      >
        <DataTable bulkActionButtons={false} rowClick={false} data-testid={`incentives-${kind}`}>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="event" disableSort>
            <EnumChip source="event" namespace="incentive_event" colors={incentiveEventColors} />
          </DataTable.Col>
          <DataTable.Col source="orderNumber" disableSort>
            <OrderNumberField />
          </DataTable.Col>
          <DataTable.Col source="counterpartyName" disableSort>
            <TextField source="counterpartyName" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="ruleName" disableSort>
            <TextField source="ruleName" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="basisAmount" disableSort align="right">
            <MoneyField source="basisAmount" />
          </DataTable.Col>
          <DataTable.Col source="points" align="right">
            <PointsField />
          </DataTable.Col>
          <DataTable.Col source="runningTotal" disableSort align="right">
            <RunningTotalField />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};
