import { Alert, Box, Divider } from '@mui/material';
import { Labeled, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumChip, MoneyField, formatFen } from '../shared';
import { OrderButtons } from './buttons';
import { OrderEvents, OrderLines, OrderStatusChip } from './fields';
import type { OrderSide } from './logic';
import { RECEIVER_FIELDS, type OrderRecord } from './types';

const ShowActions = ({ side }: { side: OrderSide }) => (
  <TopToolbar>
    <OrderButtons side={side} />
  </TopToolbar>
);

/** '订单 202506010000012'. */
const OrderTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<OrderRecord>();
  return <span>{record ? translate('cop.orders.title', { number: record.number }) : ''}</span>;
};

/** What the order waits for, in words: payment by a deadline, the supplier's audit, a refund audit. */
const StatusHint = ({ side }: { side: OrderSide }) => {
  const translate = useTranslate();
  const record = useRecordContext<OrderRecord>();
  if (!record) return null;
  let text: string | null = null;
  if (record.status === 'pending_payment' && side === 'seller')
    text = translate('cop.orders.hint_pay', { amount: formatFen(record.totalAmount) });
  if (record.status === 'pending_audit')
    text = translate(side === 'seller' ? 'cop.orders.hint_audit_seller' : 'cop.orders.hint_audit_supplier');
  if (record.status === 'refund_pending') {
    text = translate(side === 'seller' ? 'cop.orders.hint_refund_seller' : 'cop.orders.hint_refund_supplier', {
      reason: record.refundReason || '-',
    });
  }
  if (!text) return null;
  return (
    <Alert severity={record.status === 'pending_payment' ? 'warning' : 'info'} sx={{ mx: 2, mt: 2 }} data-testid="order-hint">
      {text}
      {record.expiresAt && (record.status === 'pending_payment' || record.status === 'pending_audit') ? (
        <>
          {' '}
          {translate('cop.orders.expires_at')} <DateTimeField source="expiresAt" />
        </>
      ) : null}
    </Alert>
  );
};

const row = { display: 'flex', gap: 4, flexWrap: 'wrap', px: 2, py: 1 } as const;

/** The order's parties, money and status. */
const OrderHeader = () => (
  <Box sx={row}>
    <Labeled source="number">
      <TextField source="number" />
    </Labeled>
    <Labeled source="channel">
      <EnumChip source="channel" namespace="order_channel" />
    </Labeled>
    <Labeled source="status">
      <OrderStatusChip />
    </Labeled>
    <Labeled source="supplierName">
      <TextField source="supplierName" emptyText="-" />
    </Labeled>
    <Labeled source="sellerName">
      <TextField source="sellerName" emptyText="-" />
    </Labeled>
    <Labeled source="paymentMode">
      <EnumChip source="paymentMode" namespace="payment_mode" />
    </Labeled>
    <Labeled source="totalAmount">
      <Box component="span" data-testid="order-amount">
        <MoneyField source="totalAmount" />
      </Box>
    </Labeled>
    <Labeled source="paidAmount">
      <MoneyField source="paidAmount" />
    </Labeled>
    <Labeled source="refundedAmount">
      <MoneyField source="refundedAmount" />
    </Labeled>
    <Labeled source="createdAt">
      <DateTimeField source="createdAt" />
    </Labeled>
  </Box>
);

/** Who the order is for: the customer, and for gov orders the company and the invoice. */
const CustomerDetails = () => {
  const record = useRecordContext<OrderRecord>();
  if (!record) return null;
  const gov = record.channel === 'gov';
  return (
    <Box sx={row}>
      {gov ? (
        <Labeled source="companyName">
          <TextField source="companyName" emptyText="-" />
        </Labeled>
      ) : null}
      <Labeled source="customerName">
        <TextField source="customerName" emptyText="-" />
      </Labeled>
      <Labeled source="customerPhone">
        <TextField source="customerPhone" emptyText="-" />
      </Labeled>
      {!gov ? (
        <Labeled source="customerIdNo">
          <TextField source="customerIdNo" emptyText="-" />
        </Labeled>
      ) : null}
      {gov ? (
        <Labeled source="invoiceTitle">
          <TextField source="invoiceTitle" emptyText="-" />
        </Labeled>
      ) : null}
      {gov ? (
        <Labeled source="invoiceTaxNo">
          <TextField source="invoiceTaxNo" emptyText="-" />
        </Labeled>
      ) : null}
      <Labeled source="visitDate">
        <TextField source="visitDate" emptyText="-" />
      </Labeled>
      <Labeled source="remarks">
        <TextField source="remarks" emptyText="-" />
      </Labeled>
      {record.refundReason ? (
        <Labeled source="refundReason">
          <TextField source="refundReason" />
        </Labeled>
      ) : null}
    </Box>
  );
};

/** 收货信息: who receives the goods of an order with courier lines (both sides see it). */
const ReceiverDetails = () => {
  const record = useRecordContext<OrderRecord>();
  if (!record?.receiverName && !record?.receiverAddress) return null;
  return (
    <Box sx={row} data-testid="order-receiver">
      {RECEIVER_FIELDS.map((source) => (
        <Labeled key={source} source={source}>
          <TextField source={source} emptyText="-" />
        </Labeled>
      ))}
    </Box>
  );
};

/**
 * One order: header, customer, lines with their fulfilment state, and the events. The seller (我的订单)
 * gets 支付 / 取消 / 申请退款, the supplier (订单管理) the audits and 订单履约 per line.
 */
export const OrderShow = ({ side }: { side: OrderSide }) => (
  <Show actions={<ShowActions side={side} />} title={<OrderTitle />}>
    <StatusHint side={side} />
    <OrderHeader />
    <CustomerDetails />
    <ReceiverDetails />
    <Divider />
    <OrderLines side={side} />
    <Divider />
    <OrderEvents />
  </Show>
);
