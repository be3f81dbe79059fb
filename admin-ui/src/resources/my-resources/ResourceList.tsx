import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { createdAtFilters, DateTimeField, EnumChip } from '../shared';
import { ValidityField } from '../collaboration/fields';
import { Thumbnail } from '../collaboration/files';
import { resourceStatusChoices, resourceStatusColors, resourceTypeChoices } from '../collaboration/types';
import { ResourceButtons } from './buttons';
import { ResourceTabs } from './ResourceTabs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={resourceTypeChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={resourceStatusChoices} alwaysOn />,
  <TextInput key="region" source="region" />,
  ...createdAtFilters,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** 我的资源: my enterprise's resources with 上架 / 下架 / 编辑 / 复制 / 删除 by status; 我的收藏 is the second tab. */
export const ResourceList = () => (
  <>
    <ResourceTabs value="mine" />
    <List title="cop.resources.tab_mine" filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick="show" data-testid="resources-list">
        <DataTable.Col source="pictures" disableSort>
          <Thumbnail />
        </DataTable.Col>
        <DataTable.Col source="title" />
        <DataTable.Col source="type" disableSort>
          <EnumChip source="type" namespace="resource_type" />
        </DataTable.Col>
        <DataTable.Col source="region" disableSort />
        <DataTable.Col source="validTo" label="cop.resources.validity">
          <ValidityField />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumChip source="status" namespace="resource_status" colors={resourceStatusColors} />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col>
          <ShowButton />
          <ResourceButtons />
        </DataTable.Col>
      </DataTable>
    </List>
  </>
);
