import { Chip } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumChip } from '../shared';
import { BudgetField, DeadlineField } from '../collaboration/fields';
import { opportunityKindChoices, type OpportunityRecord } from '../collaboration/types';
import { RespondButton } from './buttons';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={opportunityKindChoices} alwaysOn />,
  <TextInput key="region" source="region" alwaysOn />,
  <BooleanInput
    key="responded"
    source="responded"
    label="cop.opportunities.responded_only"
    alwaysOn
    format={(value: unknown) => value === true}
    parse={(value: unknown) => (value ? true : null)}
    sx={{ mb: 1 }}
  />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** 已响应 (active or withdrawn) / nothing. */
export const RespondedChip = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<OpportunityRecord>();
  const translate = useTranslate();
  // `responded` is an active response; a withdrawn one may be renewed before the deadline
  if (!record?.myResponse) return null;
  const withdrawn = record.myResponse.status === 'withdrawn';
  return (
    <Chip
      size="small"
      color={withdrawn ? 'default' : 'info'}
      label={translate(withdrawn ? 'cop.opportunities.response_withdrawn' : 'cop.opportunities.responded_chip')}
    />
  );
};

/** 接收商机: the open opportunities addressed to my enterprise; 响应 from the row. */
export const ReceivedOpportunityList = () => (
  <List title="cop.opportunities.title_received" filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="show" data-testid="received-opportunities-list">
      <DataTable.Col source="title" />
      <DataTable.Col source="kind" disableSort>
        <EnumChip source="kind" namespace="opportunity_kind" />
      </DataTable.Col>
      <DataTable.Col source="publisherName" disableSort />
      <DataTable.Col source="budgetMin" label="cop.opportunities.budget" disableSort align="right">
        <BudgetField />
      </DataTable.Col>
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="deadline">
        <DeadlineField />
      </DataTable.Col>
      <DataTable.Col source="responded" disableSort>
        <RespondedChip />
      </DataTable.Col>
      <DataTable.Col>
        <ShowButton />
        <RespondButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
