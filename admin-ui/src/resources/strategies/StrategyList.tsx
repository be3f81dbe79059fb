import {
  BooleanField,
  CreateButton,
  DataTable,
  DateInput,
  EditButton,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateTimeField, DayField, EnumChip } from '../shared';
import { StrategyStatusButtons } from './buttons';
import { strategyStatusChoices, strategyStatusColors, type StrategyChannel, type StrategyRecord } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={strategyStatusChoices} alwaysOn />,
  <DateInput key="effectiveFrom_lte" source="effectiveFrom_lte" label="cop.strategies.effective_from_lte" />,
  <DateInput key="effectiveTo_gte" source="effectiveTo_gte" label="cop.strategies.effective_to_gte" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const LineCount = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: StrategyRecord) => translate('cop.strategies.line_count', { smart_count: record.lines?.length ?? 0 })}
    />
  );
};

/** 个人客户 / 政府企业 销售策略: the strategies of one channel. */
export const StrategyList = ({ channel }: { channel: StrategyChannel }) => (
  <List
    filter={{ channel }}
    filters={filters}
    actions={<ListActions />}
    exporter={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="effectiveFrom">
        <DayField source="effectiveFrom" />
      </DataTable.Col>
      <DataTable.Col source="effectiveTo" disableSort>
        <DayField source="effectiveTo" />
      </DataTable.Col>
      <DataTable.Col source="businessMode" disableSort>
        <EnumChip source="businessMode" namespace="business_mode" />
      </DataTable.Col>
      <DataTable.Col source="appliesTo" disableSort>
        <EnumChip source="appliesTo" namespace="applies_to" />
      </DataTable.Col>
      {channel === 'gov' ? (
        <DataTable.Col source="requiresAudit" disableSort>
          <BooleanField source="requiresAudit" />
        </DataTable.Col>
      ) : null}
      <DataTable.Col source="lines" label="cop.strategies.lines" disableSort>
        <LineCount />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumChip source="status" namespace="strategy_status" colors={strategyStatusColors} />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <EditButton />
        <StrategyStatusButtons />
      </DataTable.Col>
    </DataTable>
  </List>
);
