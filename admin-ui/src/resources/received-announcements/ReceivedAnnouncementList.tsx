import { Chip } from '@mui/material';
import {
  DataTable,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { PinnedMark } from '../collaboration/fields';
import { announcementTypeChoices, type AnnouncementRecord } from '../collaboration/types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={announcementTypeChoices} alwaysOn />,
  <NullableBooleanInput
    key="read"
    source="read"
    alwaysOn
    nullLabel="cop.announcements.read_all"
    trueLabel="cop.announcements.read_only"
    falseLabel="cop.announcements.unread_only"
  />,
  <DateInput key="publishedAt_gte" source="publishedAt_gte" label="cop.announcements.published_from" />,
  <DateInput key="publishedAt_lte" source="publishedAt_lte" label="cop.announcements.published_to" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** 未读 / 已读 chip. */
export const ReadChip = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: AnnouncementRecord) => (
        <Chip
          size="small"
          color={record.read ? 'default' : 'primary'}
          variant={record.read ? 'outlined' : 'filled'}
          label={translate(record.read ? 'cop.notifications.state_read' : 'cop.notifications.state_unread')}
        />
      )}
    />
  );
};

/** 接收公告: the published announcements addressed to me (and the platform's); unread ones in bold. */
export const ReceivedAnnouncementList = () => (
  <List title="cop.announcements.title_received" filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'publishedAt', order: 'DESC' }}>
    <DataTable
      bulkActionButtons={false}
      rowClick="show"
      data-testid="received-announcements-list"
      rowSx={(record: AnnouncementRecord) => ({ '& td': { fontWeight: record.read ? 'normal' : 'bold' } })}
    >
      <DataTable.Col source="read" disableSort>
        <ReadChip />
      </DataTable.Col>
      <DataTable.Col source="pinned" disableSort>
        <PinnedMark />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="type" disableSort>
        <EnumChip source="type" namespace="announcement_type" />
      </DataTable.Col>
      <DataTable.Col source="publisherName" disableSort />
      <DataTable.Col source="publishedAt">
        <DateTimeField source="publishedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
