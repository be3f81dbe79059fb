import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { Form, useDataProvider, useGetMany, useTranslate } from 'react-admin';
import type { CheckoutResult, CopDataProvider } from '../../dataProvider';
import { formatFen, hiddenErrorMessages } from '../shared';
import { IdempotencyKeeper, outcomeUnknown } from '../ledger/idempotency';
import { allowedPaymentModes, cartErrors, changedPrice, customerBody } from '../orders/logic';
import {
  customerFieldsOf,
  orderFormNeeds,
  orderingPage,
  type CartItem,
  type CatalogueRecord,
  type PaymentMode,
  type SellerChannel,
} from '../orders/types';
import { CustomerInputs } from '../ordering/CustomerInputs';

/**
 * The payment modes the chosen lines' strategies all accept, read from the catalogue (cart lines do
 * not carry the business mode); a product no longer in the catalogue accepts both (the server decides).
 * The previous answer is kept while a changed selection loads, so that the form never unmounts.
 */
function usePaymentModes(channel: SellerChannel, items: CartItem[]) {
  const ids = useMemo(() => [...new Set(items.map((item) => item.productId))], [items]);
  const { data, isPending } = useGetMany<CatalogueRecord>(
    orderingPage(channel),
    { ids },
    { enabled: ids.length > 0, retry: false, placeholderData: (previous) => previous },
  );
  const modes = useMemo(() => {
    const offers = (data ?? []).flatMap((product) => product?.offers ?? []);
    return allowedPaymentModes(
      items.map(
        (item) => offers.find((offer) => offer.strategyId === item.strategyId && offer.channel === channel)?.businessMode,
      ),
    );
  }, [data, items, channel]);
  return { modes, isPending: ids.length > 0 && isPending };
}

/** What a line is ordered at now: its strategy's current price when known, else the price it was saved at. */
const priceNow = (item: CartItem) => changedPrice(item) ?? item.unitPrice;

/** The total of the lines at their current prices (fen). */
export const checkoutTotal = (items: CartItem[]) =>
  items.filter((item) => item.available).reduce((sum, item) => sum + priceNow(item) * item.quantity, 0);

interface CheckoutDialogProps {
  channel: SellerChannel;
  /** The chosen lines, as the cart reads them now (a refetch brings current prices and availability). */
  items: CartItem[];
  open: boolean;
  onClose: () => void;
  /** The orders were created (one per supplier). */
  onDone: (orders: CheckoutResult[]) => void;
  /** The server refused some lines (`items.<id>.<field>`): the cart shows them too and reads itself again. */
  onLineErrors: (lines: Record<number, Record<string, string>>) => void;
  /** Take a line out of this checkout (a line no longer available). */
  onRemove: (id: number) => void;
}

/** The chosen lines with the price each is ordered at and, in place, why the server refused it. */
const CheckoutLines = ({
  items,
  errors,
  onRemove,
}: {
  items: CartItem[];
  errors: Record<number, Record<string, string>>;
  onRemove: (id: number) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }} data-testid="checkout-lines">
      {items.map((item) => {
        const newPrice = changedPrice(item);
        const messages = Object.values(errors[item.id] ?? {});
        return (
          <Box
            component="li"
            key={item.id}
            sx={{ py: 0.5, borderBottom: 1, borderColor: 'divider' }}
            data-testid={`checkout-line-${item.id}`}
            data-has-error={messages.length || !item.available ? 'true' : 'false'}
          >
            <Stack direction="row" justifyContent="space-between" alignItems="baseline" spacing={1}>
              <Typography variant="body2">
                {item.productName ?? `#${item.productId}`} × {item.quantity}
              </Typography>
              <Typography variant="body2" data-money-fen={item.available ? priceNow(item) * item.quantity : 0}>
                {item.available ? formatFen(priceNow(item) * item.quantity) : '-'}
              </Typography>
            </Stack>
            {item.available && newPrice !== null ? (
              <Typography variant="caption" color="warning.main" component="div" data-testid={`checkout-price-${item.id}`}>
                {translate('cop.cart.checkout_price_changed', { price: formatFen(newPrice) })}
              </Typography>
            ) : null}
            {!item.available ? (
              <Stack direction="row" alignItems="center" spacing={1}>
                <Typography variant="caption" color="error">
                  {translate('cop.cart.checkout_unavailable')}
                </Typography>
                <Button size="small" onClick={() => onRemove(item.id)} data-testid={`checkout-remove-${item.id}`}>
                  {translate('cop.cart.checkout_remove')}
                </Button>
              </Stack>
            ) : null}
            {messages.map((text) => (
              <Typography key={text} variant="caption" color="error" component="div" data-testid={`checkout-line-error-${item.id}`}>
                {text}
              </Typography>
            ))}
          </Box>
        );
      })}
    </Box>
  );
};

/**
 * 去结算's order form: the chosen lines at their current prices (the total is theirs), the customer (the
 * same inputs as 立即下单; the receiver when a line is sent by courier, no 使用日期 when every line is)
 * and the payment mode; POST /cart-items/checkout with an Idempotency-Key. A line whose price changed is
 * saved at the current price first (the dialog says so on the line). A refused checkout keeps the dialog
 * and what was typed, with each refused line's message in place.
 */
export const CheckoutDialog = ({ channel, items, open, onClose, onDone, onLineErrors, onRemove }: CheckoutDialogProps) => {
  const { modes, isPending } = usePaymentModes(channel, items);
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="checkout-dialog">
      {/* the form starts once the payment modes are known (its initial payment mode is the first allowed) */}
      {isPending ? (
        <DialogContent>
          <LinearProgress />
        </DialogContent>
      ) : (
        <CheckoutForm
          channel={channel}
          items={items}
          paymentModes={modes}
          onClose={onClose}
          onDone={onDone}
          onLineErrors={onLineErrors}
          onRemove={onRemove}
        />
      )}
    </Dialog>
  );
};

const CheckoutForm = ({
  channel,
  items,
  paymentModes,
  onClose,
  onDone,
  onLineErrors,
  onRemove,
}: Omit<CheckoutDialogProps, 'open'> & { paymentModes: PaymentMode[] }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const keeper = useRef(new IdempotencyKeeper());
  const inFlight = useRef(false);
  // the form's start, fixed once: later changes of the lines must not reset what was typed
  const [record] = useState(() => ({ paymentMode: paymentModes[0] ?? '' }));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<Record<number, Record<string, string>>>({});
  const needs = orderFormNeeds(items.map((item) => item.fulfilmentMode));
  const fields = customerFieldsOf(channel, needs);
  const total = checkoutTotal(items);
  const suppliers = new Set(items.map((item) => item.supplierId ?? item.supplierName)).size;
  const unavailable = items.some((item) => !item.available);

  const close = () => {
    if (inFlight.current) return;
    onClose();
  };

  /** Lines whose price changed are saved first: saving takes the strategy's current price (the one shown). */
  const acceptPrices = async () => {
    for (const item of items.filter((line) => line.available && changedPrice(line) !== null)) {
      const data = { quantity: item.quantity, strategyId: item.strategyId, ...(item.day ? { day: item.day } : {}) };
      await dataProvider.update('cart-items', { id: item.id, data, previousData: item });
    }
  };

  const refused = (lines: Record<number, Record<string, string>>) => {
    setLineErrors(lines);
    setMessage(translate('cop.cart.checkout_refused'));
    onLineErrors(lines);
  };

  const submit = async (values: Record<string, unknown>) => {
    if (inFlight.current) return undefined;
    const body = { channel, ids: items.map((item) => item.id), paymentMode: values.paymentMode, ...customerBody(values, fields) };
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    setLineErrors({});
    try {
      await acceptPrices();
    } catch (error: any) {
      // a line that cannot be saved at the current price (its strategy ended meanwhile…): say it on the line
      const errors = error?.body?.errors;
      const item = items.find((line) => changedPrice(line) !== null);
      if (item) refused({ [item.id]: errors && typeof errors === 'object' ? (errors as Record<string, string>) : { unitPrice: error?.message ?? '' } });
      inFlight.current = false;
      setBusy(false);
      return undefined;
    }
    const idempotencyKey = keeper.current.keyFor(body);
    try {
      const { orders } = await dataProvider.checkoutCart(body, { idempotencyKey });
      keeper.current.succeeded();
      onDone(orders);
      return undefined;
    } catch (error: any) {
      keeper.current.failed(error);
      if (outcomeUnknown(error)) {
        setMessage(translate('cop.ordering.outcome_unknown'));
        return undefined;
      }
      const { lines, fields: fieldErrors } = cartErrors(error);
      const inputs = [...fields, 'paymentMode'];
      // refused lines carry their own messages (in place); otherwise what no input shows goes above the form
      if (Object.keys(lines).length) refused(lines);
      else {
        const hidden = hiddenErrorMessages(error, inputs);
        setMessage(hidden.length ? hidden.map((text) => translate(text, { _: text })).join('; ') : null);
      }
      const onInputs = Object.fromEntries(Object.entries(fieldErrors).filter(([field]) => inputs.includes(field)));
      return Object.keys(onInputs).length ? onInputs : undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <Form record={record} onSubmit={submit} sanitizeEmptyValues={false}>
      <DialogTitle>
        {translate(channel === 'gov' ? 'cop.cart.checkout_title_gov' : 'cop.cart.checkout_title_individual')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <Typography data-testid="checkout-summary" data-money-fen={total}>
            {translate('cop.cart.checkout_summary', {
              smart_count: items.length,
              amount: formatFen(total),
              suppliers,
            })}
          </Typography>
          <CheckoutLines items={items} errors={lineErrors} onRemove={onRemove} />
          {!paymentModes.length ? <Alert severity="warning">{translate('cop.cart.modes_conflict')}</Alert> : null}
          {message ? (
            <Alert severity="error" data-testid="checkout-error">
              {message}
            </Alert>
          ) : null}
          <CustomerInputs
            channel={channel}
            paymentModes={paymentModes.length ? paymentModes : ['prepaid', 'credit']}
            needs={needs}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={busy || !items.length || unavailable} data-testid="order-submit">
          {translate('cop.ordering.submit')}
        </Button>
      </DialogActions>
    </Form>
  );
};
