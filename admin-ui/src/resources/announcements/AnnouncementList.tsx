import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TopToolbar,
} from 'react-admin';
import { createdAtFilters, DateTimeField, EnumChip } from '../shared';
import { PinnedMark, PublishedAtField } from '../collaboration/fields';
import { announcementStatusChoices, announcementStatusColors, announcementTypeChoices } from '../collaboration/types';
import { AnnouncementButtons } from './buttons';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={announcementTypeChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={announcementStatusChoices} alwaysOn />,
  ...createdAtFilters,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** 发布公告: my announcements; 编辑 / 发布 / 撤回 / 删除 by status. */
export const AnnouncementList = () => (
  <List title="cop.announcements.title_mine" filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="show" data-testid="announcements-list">
      <DataTable.Col source="pinned" disableSort>
        <PinnedMark />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="type" disableSort>
        <EnumChip source="type" namespace="announcement_type" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumChip source="status" namespace="announcement_status" colors={announcementStatusColors} />
      </DataTable.Col>
      <DataTable.Col source="publishAt" disableSort>
        <DateTimeField source="publishAt" />
      </DataTable.Col>
      <DataTable.Col source="publishedAt" disableSort>
        <PublishedAtField />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <ShowButton />
        <AnnouncementButtons />
      </DataTable.Col>
    </DataTable>
  </List>
);
