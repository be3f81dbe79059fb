import {
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  ShowButton,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { createdAtFilters, DateTimeField, EnumChip } from '../shared';
import { BudgetField, DeadlineField } from '../collaboration/fields';
import { opportunityKindChoices, opportunityStatusChoices, opportunityStatusColors } from '../collaboration/types';
import { OpportunityButtons } from './buttons';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={opportunityKindChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={opportunityStatusChoices} alwaysOn />,
  <TextInput key="region" source="region" />,
  <DateInput key="deadline_gte" source="deadline_gte" label="cop.opportunities.deadline_gte" />,
  <DateInput key="deadline_lte" source="deadline_lte" label="cop.opportunities.deadline_lte" />,
  ...createdAtFilters,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** 发布商机: my opportunities with their response counts; 关闭 / 编辑 / 删除 by state. */
export const OpportunityList = () => (
  <List title="cop.opportunities.title_mine" filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="show" data-testid="opportunities-list">
      <DataTable.Col source="title" />
      <DataTable.Col source="kind" disableSort>
        <EnumChip source="kind" namespace="opportunity_kind" />
      </DataTable.Col>
      <DataTable.Col source="budgetMin" label="cop.opportunities.budget" disableSort align="right">
        <BudgetField />
      </DataTable.Col>
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="deadline">
        <DeadlineField />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumChip source="status" namespace="opportunity_status" colors={opportunityStatusColors} />
      </DataTable.Col>
      <DataTable.Col source="responseCount" disableSort align="right">
        <NumberField source="responseCount" emptyText="0" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <ShowButton />
        <OpportunityButtons />
      </DataTable.Col>
    </DataTable>
  </List>
);
