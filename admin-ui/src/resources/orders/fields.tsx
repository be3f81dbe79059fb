import {
  Box,
  Chip,
  List as MuiList,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { RecordContextProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { AuthImage, NoPicture } from '../collaboration/files';
import { DateTimeField, formatFen } from '../shared';
import { CorrectFulfilmentButton, FulfilLineButton } from './buttons';
import { remainingOf } from './logic';
import { fulfilmentStatusColors, orderStatusColors, type FulfilmentView, type OrderEvent, type OrderRecord } from './types';

/** The status of an order as a chip (data-testid="order-status", data-status = the status). */
export const OrderStatusChip = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<OrderRecord>();
  if (!record?.status) return null;
  return (
    <Chip
      size="small"
      color={orderStatusColors[record.status] ?? 'default'}
      label={translate(`cop.order_status.${record.status}`, { _: record.status })}
      data-testid="order-status"
      data-status={record.status}
    />
  );
};

/** 客户: the customer's name, and for gov orders the company. */
export const CustomerField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<OrderRecord>();
  if (!record) return null;
  return (
    <span>
      {record.companyName ? `${record.companyName} · ` : ''}
      {record.customerName}
    </span>
  );
};

/** How a line was fulfilled: units used when partly used, the failure's reason, the code or courier and tracking number. */
const FulfilmentDetails = ({ line }: { line: OrderRecord['lines'][number] }) => {
  const translate = useTranslate();
  if (!['fulfilled', 'partial', 'failed'].includes(line.fulfilmentStatus)) return <span>-</span>;
  return (
    <Box data-testid={`line-fulfilment-${line.id}`}>
      {line.fulfilmentStatus === 'partial' ? (
        <div>{translate('cop.orders.used_of', { used: line.usedQuantity ?? 0, quantity: line.quantity })}</div>
      ) : null}
      {line.fulfilmentStatus === 'failed' ? (
        <Typography variant="body2" color="error" component="div">
          {translate('cop.orders.failure_reason')}: {line.failureReason ?? '-'}
        </Typography>
      ) : null}
      {line.confirmationCode ? (
        <div>
          {translate('cop.orders.confirmation_code')}: {line.confirmationCode}
        </div>
      ) : null}
      {line.courierCompany || line.trackingNumber ? (
        <div>
          {translate('cop.orders.courier_company')}: {line.courierCompany ?? '-'} · {translate('cop.orders.tracking_number')}:{' '}
          {line.trackingNumber ?? '-'}
        </div>
      ) : null}
      {line.fulfilledAt ? (
        <Typography variant="caption" color="text.secondary" component="div">
          <RecordContextProvider value={line}>
            <DateTimeField source="fulfilledAt" />
          </RecordContextProvider>
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * The lines of an order with their fulfilment state; on the supplier's pages each pending line gets
 * its 订单履约 button (the order stays the record in context).
 */
export const OrderLines = ({ side }: { side: 'seller' | 'supplier' }) => {
  const translate = useTranslate();
  const record = useRecordContext<OrderRecord>();
  const resource = useResourceContext() ?? 'orders';
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6" gutterBottom>
        {translate('cop.orders.lines')}
      </Typography>
      <TableContainer>
        <Table size="small" data-testid="order-lines">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cop.orders.line_product')}</TableCell>
              <TableCell>{translate('cop.orders.line_category')}</TableCell>
              <TableCell>{translate('cop.orders.line_day')}</TableCell>
              <TableCell align="right">{translate('cop.orders.line_unit_price')}</TableCell>
              <TableCell align="right">{translate('cop.orders.line_quantity')}</TableCell>
              <TableCell align="right">{translate('cop.orders.line_refunded')}</TableCell>
              <TableCell align="right">{translate('cop.orders.line_remaining')}</TableCell>
              <TableCell align="right">{translate('cop.orders.line_amount')}</TableCell>
              <TableCell>{translate('cop.orders.line_fulfilment')}</TableCell>
              <TableCell>{translate('cop.orders.line_fulfilment_details')}</TableCell>
              {side === 'supplier' ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {(record.lines ?? []).map((line) => (
              <TableRow key={line.id} data-testid={`order-line-${line.id}`}>
                <TableCell>
                  <Stack direction="row" spacing={1} alignItems="center">
                    {line.pictures?.[0] ? (
                      <AuthImage source={{ resource, recordId: record.id, verb: 'picture' }} file={line.pictures[0]} size={40} />
                    ) : (
                      <NoPicture size={40} />
                    )}
                    <span>
                      {line.productName}
                      {line.isCombo ? (
                        <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={translate('cop.ordering.combo_chip')} />
                      ) : null}
                    </span>
                  </Stack>
                </TableCell>
                <TableCell>
                  {line.category ? translate(`cop.product_category.${line.category}`, { _: line.category }) : '-'}
                </TableCell>
                <TableCell>{line.day ?? '-'}</TableCell>
                <TableCell align="right">{formatFen(line.unitPrice)}</TableCell>
                <TableCell align="right">{line.quantity}</TableCell>
                <TableCell align="right" data-testid={`line-refunded-${line.id}`}>
                  {line.refundedQuantity ?? 0}
                </TableCell>
                <TableCell align="right" data-testid={`line-remaining-${line.id}`}>
                  {remainingOf(line)}
                </TableCell>
                <TableCell align="right" data-money-fen={line.amount}>
                  {formatFen(line.amount)}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={fulfilmentStatusColors[line.fulfilmentStatus] ?? 'default'}
                    label={translate(`cop.fulfilment_status.${line.fulfilmentStatus}`, { _: line.fulfilmentStatus })}
                    data-testid={`line-status-${line.id}`}
                    data-status={line.fulfilmentStatus}
                  />
                </TableCell>
                <TableCell>
                  <FulfilmentDetails line={line} />
                </TableCell>
                {side === 'supplier' ? (
                  <TableCell>
                    <FulfilLineButton line={line} />
                    <CorrectFulfilmentButton line={line} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
};

/** One side of a fulfilment in the history: '已履约 · 确认码 QR-1' or '履约失败 · 仓库缺货' (`said`: a reason the event shows anyway). */
const fulfilmentText = (translate: ReturnType<typeof useTranslate>, view: FulfilmentView, said?: string | null) =>
  [
    translate(`cop.fulfilment_status.${view.status}`, { _: view.status }),
    view.status === 'partial' ? translate('cop.orders.used_units', { used: view.usedQuantity ?? 0 }) : null,
    view.confirmationCode ? `${translate('cop.orders.confirmation_code')} ${view.confirmationCode}` : null,
    view.courierCompany || view.trackingNumber ? `${view.courierCompany ?? ''} ${view.trackingNumber ?? ''}`.trim() : null,
    view.status === 'failed' && view.failureReason && view.failureReason !== said ? view.failureReason : null,
  ]
    .filter(Boolean)
    .join(' · ');

/** What a fulfilment event recorded for its line (a correction: before → after). */
const FulfilmentEventDetail = ({ event }: { event: OrderEvent }) => {
  const translate = useTranslate();
  const after = event.detail?.after;
  if (!after) return null;
  const before = event.detail?.before;
  return (
    <Typography variant="body2" component="span" display="block" data-testid="order-event-fulfilment">
      「{after.productName}」{before ? `${fulfilmentText(translate, before)} → ` : ''}
      {fulfilmentText(translate, after, event.reason)}
    </Typography>
  );
};

const statusText = (translate: ReturnType<typeof useTranslate>, status: string | null | undefined) =>
  status ? translate(`cop.order_status.${status}`, { _: status }) : '';

/** 订单记录: every transition of the order, oldest first, with its reason. */
export const OrderEvents = () => {
  const translate = useTranslate();
  const record = useRecordContext<OrderRecord>();
  const events: OrderEvent[] = record?.events ?? [];
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6" gutterBottom>
        {translate('cop.orders.events')}
      </Typography>
      {events.length ? (
        <MuiList dense data-testid="order-events">
          {events.map((event, index) => (
            <ListItem
              key={`${event.at}-${index}`}
              data-testid={`order-event-${index}`}
              data-action={event.action}
              sx={{ borderLeft: 2, borderColor: 'primary.light', ml: 1, mb: 0.5 }}
            >
              <ListItemText
                primary={
                  <span>
                    <strong>{translate(`cop.order_action.${event.action}`, { _: event.action })}</strong>
                    {'  '}
                    {event.from ? `${statusText(translate, event.from)} → ` : ''}
                    {statusText(translate, event.to)}
                    <FulfilmentEventDetail event={event} />
                  </span>
                }
                secondary={
                  <span>
                    <RecordContextProvider value={event}>
                      <DateTimeField source="at" />
                    </RecordContextProvider>
                    {event.actorName ? (
                      <span data-testid={`order-event-actor-${index}`}>
                        {` · ${translate('cop.orders.event_actor', { name: event.actorName })}`}
                        {event.actorEnterpriseName ? `（${event.actorEnterpriseName}）` : ''}
                      </span>
                    ) : null}
                    {/* the timeout job's reason is the action itself (超时关闭) */}
                    {event.reason && event.action !== 'close' ? ` · ${translate('cop.common.reason')}: ${event.reason}` : ''}
                  </span>
                }
              />
            </ListItem>
          ))}
        </MuiList>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('cop.orders.no_events')}
        </Typography>
      )}
    </Box>
  );
};
