import { useEffect, useRef } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import {
  DataTable,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { createdAtFilters, DateTimeField } from '../shared';
import { BulkMarkReadButton, MarkAllReadButton, MarkReadButton, OpenLinkButton, useMarkRead } from './buttons';
import { notificationTypeChoices, type NotificationRecord } from './types';

const filters = [
  <NullableBooleanInput key="read" source="read" alwaysOn />,
  <SelectInput key="type" source="type" choices={notificationTypeChoices} alwaysOn />,
  ...createdAtFilters,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <MarkAllReadButton />
  </TopToolbar>
);

/** Expanded row: the message body; opening an unread message marks it read. */
const NotificationDetail = () => {
  const translate = useTranslate();
  const record = useRecordContext<NotificationRecord>();
  const markRead = useMarkRead();
  const done = useRef(false);
  useEffect(() => {
    if (record && !record.read && !done.current) {
      done.current = true;
      void markRead([record.id], true);
    }
  }, [record]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!record) return null;
  return (
    <Box sx={{ p: 1, whiteSpace: 'pre-wrap' }} data-testid={`notification-body-${record.id}`}>
      <Typography variant="body2">{record.body || translate('cop.notifications.no_body')}</Typography>
      <Box sx={{ mt: 1 }}>
        <OpenLinkButton />
      </Box>
    </Box>
  );
};

const ReadState = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: NotificationRecord) => (
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

/** Unknown types (the server may add some) show as sent. */
const TypeField = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(record: NotificationRecord) =>
        record.type ? translate(`cop.notifications.types.${record.type}`, { _: record.type }) : '-'
      }
    />
  );
};

export const NotificationList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    exporter={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable
      bulkActionButtons={<BulkMarkReadButton />}
      rowClick="expand"
      expand={<NotificationDetail />}
      rowSx={(record: NotificationRecord) => ({ '& td': { fontWeight: record.read ? 'normal' : 'bold' } })}
    >
      <DataTable.Col source="read" disableSort>
        <ReadState />
      </DataTable.Col>
      <DataTable.Col source="type" disableSort>
        <TypeField />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <MarkReadButton />
        <OpenLinkButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
