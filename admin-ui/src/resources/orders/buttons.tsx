import { useRef, useState } from 'react';
import PaymentIcon from '@mui/icons-material/Payment';
import CancelIcon from '@mui/icons-material/Cancel';
import UndoIcon from '@mui/icons-material/Undo';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import BlockIcon from '@mui/icons-material/Block';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  Button,
  NumberInput,
  RadioButtonGroupInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { formatFen } from '../shared';
import { ReasonVerbButton, VerbButton, useCanRunVerb } from '../verbs';
import { VerbFormButton } from '../ledger/VerbFormButton';
import { IdempotencyKeeper, outcomeUnknown } from '../ledger/idempotency';
import {
  canCorrectLine,
  canFulfilLine,
  canTake,
  fulfilBody,
  fulfilProblem,
  refundableLines,
  refundBody,
  refundOutcome,
  refundQuantityField,
  refundableOf,
  remainingOf,
} from './logic';
import { FULFILMENT_OUTCOMES, REASON_MAX, type OrderLine, type OrderRecord } from './types';
import { PayBalance } from './PayBalance';

/** Label of a line in dialogs: '门票 A × 2（¥200.00）'. */
const lineLabel = (line: OrderLine) => `${line.productName} × ${line.quantity}（${formatFen(line.amount)}）`;

/**
 * 支付: a confirmation showing the amount and the account it is paid from; posts /pay with an
 * Idempotency-Key (a retry after a network error never pays twice).
 */
export const PayButton = () => {
  const record = useRecordContext<OrderRecord>();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const canPay = useCanRunVerb(resource, 'pay');
  const keeper = useRef(new IdempotencyKeeper());
  const inFlight = useRef(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (!record || !canPay || !canTake('seller', 'pay')(record)) return null;

  const close = () => {
    if (inFlight.current) return;
    setOpen(false);
    setMessage(null);
  };

  const pay = async () => {
    if (inFlight.current) return;
    const idempotencyKey = keeper.current.keyFor({ order: record.id, amount: record.totalAmount });
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    try {
      await dataProvider.verb(resource, record.id, 'pay', {}, { idempotencyKey });
      keeper.current.succeeded();
      notify('cop.orders.paid', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error: any) {
      keeper.current.failed(error);
      if (outcomeUnknown(error)) {
        // keep the dialog: confirming again resends the same key
        setMessage(translate('cop.orders.pay_outcome_unknown'));
      } else {
        // refused (insufficient funds, closed by timeout, already paid…): the order shows its current state
        const text = error?.message || 'ra.notification.http_error';
        notify(text, { type: 'error', messageArgs: { _: text } });
        setOpen(false);
      }
      refresh();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="cop.orders.pay"
        data-testid="order-pay"
        onClick={(event) => {
          event.stopPropagation();
          setMessage(null);
          setOpen(true);
        }}
      >
        <PaymentIcon />
      </Button>
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="xs">
        <DialogTitle>{translate('cop.orders.pay_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1.5}>
            {message ? (
              <Alert severity="error" data-testid="order-pay-error">
                {message}
              </Alert>
            ) : null}
            <Typography>{translate('cop.orders.pay_number', { number: record.number })}</Typography>
            <Typography variant="h5" data-testid="order-pay-amount" data-money-fen={record.totalAmount}>
              {formatFen(record.totalAmount)}
            </Typography>
            <Typography data-testid="order-pay-mode">
              {translate('cop.orders.pay_from', {
                mode: translate(`cop.payment_mode.${record.paymentMode}`),
                supplier: record.supplierName ?? '',
              })}
            </Typography>
            {open ? <PayBalance record={record} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void pay()} disabled={busy} data-testid="order-pay-confirm">
            {translate('cop.orders.pay_confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** 取消: an order still waiting for audit or payment (the reason is optional); stock and money are released. */
export const CancelOrderButton = () => (
  <ReasonVerbButton<OrderRecord>
    verb="cancel"
    label="cop.orders.cancel"
    title="cop.orders.cancel_title"
    content="cop.orders.cancel_content"
    icon={<CancelIcon />}
    testId="order-cancel"
    when={canTake('seller', 'cancel')}
    done="cop.orders.cancelled"
    maxLength={REASON_MAX}
    optional
  />
);

/**
 * 申请退款: a quantity per line (default: all that is left) and a reason. Individual orders refund
 * their unfulfilled units at once; gov orders wait for the supplier's audit. The notice follows the
 * server's answer: 已退款 ¥x at once, or 退款申请已提交，待供货方审核. Money moves, so the request
 * carries an Idempotency-Key.
 */
export const RefundButton = () => {
  const record = useRecordContext<OrderRecord>();
  const lines = record ? refundableLines(record) : [];
  return (
    <VerbFormButton<OrderRecord>
      verb="request-refund"
      label="cop.orders.refund"
      title="cop.orders.refund_title"
      icon={<UndoIcon />}
      testId="order-refund"
      submitTestId="order-refund-submit"
      done={(before, answer) => {
        const outcome = refundOutcome(before, answer as unknown as OrderRecord);
        return { key: outcome.key, options: { amount: formatFen(outcome.amount ?? 0) } };
      }}
      when={canTake('seller', 'request-refund')}
      defaults={(order) => ({
        ...Object.fromEntries(refundableLines(order).map((line) => [refundQuantityField(line.id), refundableOf(order.channel, line)])),
        reason: '',
      })}
      toBody={(values) => (record ? refundBody(record, values) : {})}
      errorField={(field, body) => {
        const at = /^lines\.(\d+)\./.exec(field);
        const sent = (body.lines as { lineId: number }[] | undefined)?.[Number(at?.[1])];
        return at && sent ? refundQuantityField(sent.lineId) : field;
      }}
      fields={[...lines.map((line) => refundQuantityField(line.id)), 'reason']}
      idempotent
    >
      {(order) => <RefundInputs record={order} />}
    </VerbFormButton>
  );
};

const RefundInputs = ({ record }: { record: OrderRecord }) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info">
        {translate(record.channel === 'gov' ? 'cop.orders.refund_hint_gov' : 'cop.orders.refund_hint_individual')}
      </Alert>
      <Typography variant="subtitle2">{translate('cop.orders.refund_lines')}</Typography>
      {refundableLines(record).map((line) => {
        // individual orders refund the unused units at once; gov orders ask for any units left
        const remaining = refundableOf(record.channel, line);
        return (
          <NumberInput
            key={line.id}
            source={refundQuantityField(line.id)}
            label={lineLabel(line)}
            min={0}
            max={remaining}
            step={1}
            validate={[required(), minValue(0), maxValue(remaining)]}
            helperText={translate('cop.orders.refund_quantity_help', {
              quantity: line.quantity,
              refunded: line.refundedQuantity ?? 0,
              remaining,
            })}
            slotProps={{ htmlInput: { 'data-testid': `order-refund-quantity-${line.id}` } }}
          />
        );
      })}
      <TextInput
        source="reason"
        label="cop.common.reason"
        multiline
        minRows={2}
        validate={[required(), maxLength(REASON_MAX)]}
        slotProps={{ htmlInput: { 'data-testid': 'order-refund-reason' } }}
      />
    </>
  );
};

/** 通过创建审核: a gov order waiting for audit goes to payment. */
export const ApproveOrderButton = () => (
  <VerbButton<OrderRecord>
    verb="approve"
    label="cop.orders.approve"
    icon={<TaskAltIcon />}
    testId="order-approve"
    confirmTitle="cop.orders.approve_title"
    confirmContent="cop.orders.approve_content"
    when={canTake('supplier', 'approve')}
    done="cop.orders.approved"
  />
);

/** 驳回创建审核: with a reason; the order's stock and money are released. */
export const RejectOrderButton = () => (
  <ReasonVerbButton<OrderRecord>
    verb="reject"
    label="cop.orders.reject"
    title="cop.orders.reject_title"
    icon={<BlockIcon />}
    testId="order-reject"
    when={canTake('supplier', 'reject')}
    done="cop.orders.rejected"
    maxLength={REASON_MAX}
  />
);

/** 通过退款审核: the requested lines are refunded. */
export const ApproveRefundButton = () => (
  <VerbButton<OrderRecord>
    verb="approve-refund"
    label="cop.orders.approve_refund"
    icon={<TaskAltIcon />}
    testId="order-approve-refund"
    confirmTitle="cop.orders.approve_refund_title"
    confirmContent="cop.orders.approve_refund_content"
    when={canTake('supplier', 'approve-refund')}
    done="cop.orders.refund_approved"
  />
);

/** 驳回退款审核: with a reason; the order returns to the status it had before the request. */
export const RejectRefundButton = () => (
  <ReasonVerbButton<OrderRecord>
    verb="reject-refund"
    label="cop.orders.reject_refund"
    title="cop.orders.reject_refund_title"
    icon={<BlockIcon />}
    testId="order-reject-refund"
    when={canTake('supplier', 'reject-refund')}
    done="cop.orders.refund_rejected"
    maxLength={REASON_MAX}
  />
);

const FULFIL_FIELDS = ['status', 'usedQuantity', 'confirmationCode', 'courierCompany', 'trackingNumber', 'reason'] as const;
const validateFulfilment = (_value: unknown, values: Record<string, unknown>) => fulfilProblem(values ?? {});

/** The line's fulfilment as the dialog starts it: the line's own when correcting, else fulfilled and blank. */
const fulfilDefaults = (line: OrderLine, correcting: boolean) => ({
  status: correcting ? line.fulfilmentStatus : 'fulfilled',
  usedQuantity: correcting && line.fulfilmentStatus === 'partial' ? line.usedQuantity : null,
  confirmationCode: (correcting && line.confirmationCode) || '',
  courierCompany: (correcting && line.courierCompany) || '',
  trackingNumber: (correcting && line.trackingNumber) || '',
  reason: '',
});

/**
 * 订单履约 of one line (F92): the outcome (已履约, 部分使用 of a line with 2 or more units left, 履约失败
 * with a reason), a confirmation code (e-tickets, coupons, meals) or a courier and a tracking number
 * (goods, sent to the order's receiver shown in the dialog). The order record is in context.
 */
export const FulfilLineButton = ({ line }: { line: OrderLine }) => (
  <VerbFormButton<OrderRecord>
    verb="fulfil"
    label="cop.orders.fulfil"
    title="cop.orders.fulfil_title"
    icon={<LocalShippingIcon />}
    testId={`order-fulfil-${line.id}`}
    submitTestId="fulfil-submit"
    done="cop.orders.fulfilled"
    when={(order) => canFulfilLine(order, line)}
    defaults={() => fulfilDefaults(line, false)}
    toBody={(values) => fulfilBody(line.id, values)}
    fields={FULFIL_FIELDS}
  >
    {(order) => <FulfilInputs order={order} line={line} correcting={false} />}
  </VerbFormButton>
);

/** 更正履约: change a fulfilled, partly used or failed line afterwards, with a reason kept in the order's history. */
export const CorrectFulfilmentButton = ({ line }: { line: OrderLine }) => (
  <VerbFormButton<OrderRecord>
    verb="correct-fulfilment"
    label="cop.orders.correct_fulfilment"
    title="cop.orders.correct_fulfilment_title"
    icon={<EditNoteIcon />}
    testId={`order-correct-${line.id}`}
    submitTestId="fulfil-submit"
    done="cop.orders.fulfilment_corrected"
    when={(order) => canCorrectLine(order, line)}
    defaults={() => fulfilDefaults(line, true)}
    toBody={(values) => fulfilBody(line.id, values)}
    fields={FULFIL_FIELDS}
  >
    {(order) => <FulfilInputs order={order} line={line} correcting />}
  </VerbFormButton>
);

/** Who receives the goods of a courier line (the order's receiver), shown to the supplier when fulfilling. */
export const ReceiverNote = ({ order }: { order: OrderRecord }) => {
  const translate = useTranslate();
  if (!order.receiverName && !order.receiverAddress) return null;
  return (
    <Alert severity="info" icon={<LocalShippingIcon />} data-testid="fulfil-receiver">
      {translate('cop.orders.ship_to', {
        name: order.receiverName ?? '-',
        phone: order.receiverPhone ?? '-',
        address: order.receiverAddress ?? '-',
      })}
    </Alert>
  );
};

const FulfilInputs = ({ order, line, correcting }: { order: OrderRecord; line: OrderLine; correcting: boolean }) => {
  const translate = useTranslate();
  const status = useWatch({ name: 'status' }) as string;
  const left = remainingOf(line);
  const choices = FULFILMENT_OUTCOMES.filter((outcome) => outcome !== 'partial' || left >= 2).map((outcome) => ({
    id: outcome,
    name: `cop.fulfilment_status.${outcome}`,
  }));
  const failed = status === 'failed';
  return (
    <>
      <Typography variant="subtitle2">{lineLabel(line)}</Typography>
      {line.fulfilmentMode === 'courier' ? <ReceiverNote order={order} /> : null}
      <RadioButtonGroupInput
        source="status"
        label="cop.orders.fulfilment_outcome"
        choices={choices}
        validate={required()}
        row
        data-testid="fulfil-status"
      />
      {status === 'partial' ? (
        <NumberInput
          source="usedQuantity"
          label="cop.orders.used_quantity"
          min={1}
          max={left - 1}
          step={1}
          validate={[required(), minValue(1), maxValue(left - 1)]}
          helperText={translate('cop.orders.used_quantity_help', { left, max: left - 1 })}
          slotProps={{ htmlInput: { 'data-testid': 'fulfil-used' } }}
        />
      ) : null}
      {!failed ? (
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('cop.orders.fulfil_help')}
          </Typography>
          <TextInput
            source="confirmationCode"
            label="cop.orders.confirmation_code"
            validate={[maxLength(64), validateFulfilment]}
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'fulfil-code' } }}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextInput
              source="courierCompany"
              label="cop.orders.courier_company"
              validate={maxLength(50)}
              slotProps={{ htmlInput: { 'data-testid': 'fulfil-courier' } }}
            />
            <TextInput
              source="trackingNumber"
              label="cop.orders.tracking_number"
              validate={maxLength(64)}
              slotProps={{ htmlInput: { 'data-testid': 'fulfil-tracking' } }}
            />
          </Stack>
        </Box>
      ) : null}
      {failed || correcting ? (
        <TextInput
          source="reason"
          label={correcting ? 'cop.orders.correction_reason' : 'cop.orders.failure_reason'}
          helperText={correcting && failed ? 'cop.orders.correction_reason_failed' : false}
          multiline
          minRows={2}
          validate={[required(), maxLength(REASON_MAX)]}
          slotProps={{ htmlInput: { 'data-testid': 'fulfil-reason' } }}
        />
      ) : null}
    </>
  );
};

/** The buttons of an order on one side (each shows only when its status allows and the user holds its key). */
export const OrderButtons = ({ side }: { side: 'seller' | 'supplier' }) =>
  side === 'seller' ? (
    <>
      <PayButton />
      <CancelOrderButton />
      <RefundButton />
    </>
  ) : (
    <>
      <ApproveOrderButton />
      <RejectOrderButton />
      <ApproveRefundButton />
      <RejectRefundButton />
    </>
  );
