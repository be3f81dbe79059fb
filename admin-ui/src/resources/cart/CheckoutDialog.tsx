import { useMemo, useRef, useState } from 'react';
import {
  Alert,
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
import { allowedPaymentModes, cartErrors, customerBody } from '../orders/logic';
import { customerFieldsOf, orderingPage, type CartItem, type CatalogueRecord, type SellerChannel } from '../orders/types';
import { CustomerInputs } from '../ordering/CustomerInputs';

/**
 * The payment modes the chosen lines' strategies all accept, read from the catalogue (cart lines do
 * not carry the business mode); a product no longer in the catalogue accepts both (the server decides).
 */
function usePaymentModes(channel: SellerChannel, items: CartItem[]) {
  const ids = useMemo(() => [...new Set(items.map((item) => item.productId))], [items]);
  const { data, isPending } = useGetMany<CatalogueRecord>(
    orderingPage(channel),
    { ids },
    { enabled: ids.length > 0, retry: false },
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

interface CheckoutDialogProps {
  channel: SellerChannel;
  items: CartItem[];
  open: boolean;
  onClose: () => void;
  /** The orders were created (one per supplier). */
  onDone: (orders: CheckoutResult[]) => void;
  /** The server refused some lines (`items.<id>.<field>`): they are shown on the cart lines. */
  onLineErrors: (lines: Record<number, Record<string, string>>, message: string) => void;
}

/**
 * 去结算's order form: the chosen lines, the customer (the same inputs as 立即下单) and the payment
 * mode; POST /cart-items/checkout with an Idempotency-Key.
 */
export const CheckoutDialog = ({ channel, items, open, onClose, onDone, onLineErrors }: CheckoutDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { modes: paymentModes, isPending } = usePaymentModes(channel, items);
  const keeper = useRef(new IdempotencyKeeper());
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const fields = customerFieldsOf(channel);
  const total = items.reduce((sum, item) => sum + item.amount, 0);
  const suppliers = new Set(items.map((item) => item.supplierId ?? item.supplierName)).size;

  const close = () => {
    if (inFlight.current) return;
    setMessage(null);
    onClose();
  };

  const submit = async (values: Record<string, unknown>) => {
    if (inFlight.current) return undefined;
    const body = { channel, ids: items.map((item) => item.id), paymentMode: values.paymentMode, ...customerBody(values, fields) };
    const idempotencyKey = keeper.current.keyFor(body);
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
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
      if (Object.keys(lines).length) {
        // the lines carry the details; the server's summary names a field key, so say it in words
        onLineErrors(lines, translate('cop.cart.lines_changed'));
        return undefined;
      }
      const inputs = [...fields, 'paymentMode'];
      const hidden = hiddenErrorMessages(error, inputs);
      setMessage(hidden.length ? hidden.map((text) => translate(text, { _: text })).join('; ') : null);
      const onInputs = Object.fromEntries(Object.entries(fieldErrors).filter(([field]) => inputs.includes(field)));
      return Object.keys(onInputs).length ? onInputs : undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="checkout-dialog">
      {/* the form starts once the payment modes are known (its initial payment mode is the first allowed) */}
      {isPending ? (
        <DialogContent>
          <LinearProgress />
        </DialogContent>
      ) : (
        <Form record={{ paymentMode: paymentModes[0] ?? '' }} onSubmit={submit} sanitizeEmptyValues={false}>
          <DialogTitle>
            {translate(channel === 'gov' ? 'cop.cart.checkout_title_gov' : 'cop.cart.checkout_title_individual')}
          </DialogTitle>
          <DialogContent>
            <Stack spacing={1} sx={{ pt: 1 }}>
              <Typography data-testid="checkout-summary">
                {translate('cop.cart.checkout_summary', {
                  smart_count: items.length,
                  amount: formatFen(total),
                  suppliers,
                })}
              </Typography>
              {!paymentModes.length ? <Alert severity="warning">{translate('cop.cart.modes_conflict')}</Alert> : null}
              {message ? (
                <Alert severity="error" data-testid="checkout-error">
                  {message}
                </Alert>
              ) : null}
              <CustomerInputs channel={channel} paymentModes={paymentModes.length ? paymentModes : ['prepaid', 'credit']} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={busy || !items.length} data-testid="order-submit">
              {translate('cop.ordering.submit')}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};
