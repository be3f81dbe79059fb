import { useRef, useState } from 'react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Form, Loading, Title, useDataProvider, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CopDataProvider } from '../../dataProvider';
import { formatFen, hiddenErrorMessages } from '../shared';
import { IdempotencyKeeper, outcomeUnknown } from '../ledger/idempotency';
import {
  channelOffers,
  customerBody,
  dayProblem,
  lineTotal,
  needsDay,
  orderErrors,
  paymentModesOf,
  quantityProblem,
} from '../orders/logic';
import {
  customerFieldsOf,
  orderFormNeeds,
  orderShowPath,
  orderingPage,
  type CatalogueRecord,
  type Offer,
  type SellerChannel,
} from '../orders/types';
import { shanghaiToday } from '../stock/monthGrid';
import { CustomerInputs } from './CustomerInputs';

/** The line the order form was opened with (立即下单 puts it in the query string, so a reload keeps it). */
function useLineParams() {
  const [params] = useSearchParams();
  const int = (name: string) => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  };
  return {
    productId: int('productId'),
    strategyId: int('strategyId'),
    quantity: int('quantity'),
    day: params.get('day') || null,
  };
}

const Summary = ({
  product,
  offer,
  quantity,
  day,
  lineErrors,
}: {
  product: CatalogueRecord;
  offer: Offer;
  quantity: number;
  day: string | null;
  lineErrors: Record<string, string>;
}) => {
  const translate = useTranslate();
  const total = lineTotal(offer.price, quantity);
  const rows: [string, string, string?][] = [
    ['cop.ordering.product', product.name],
    ['cop.ordering.supplier', product.supplierName ?? ''],
    ['cop.ordering.strategy', offer.strategyName, lineErrors.strategyId],
    ['cop.ordering.unit_price', formatFen(offer.price), lineErrors.unitPrice],
    ...(day ? ([['cop.ordering.day', day, lineErrors.day]] as [string, string, string?][]) : []),
    ['cop.ordering.quantity', String(quantity), lineErrors.quantity],
  ];
  return (
    <Card variant="outlined" data-testid="order-summary">
      <CardHeader title={translate('cop.ordering.summary')} />
      <CardContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
          {rows.map(([label, value, error]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {translate(label)}
              </Typography>
              <Box component="dd" sx={{ m: 0 }}>
                <Typography>{value}</Typography>
                {error ? (
                  <Typography variant="caption" color="error" data-testid="order-line-error">
                    {error}
                  </Typography>
                ) : null}
              </Box>
            </Box>
          ))}
        </Box>
        <Stack direction="row" alignItems="baseline" spacing={1} sx={{ mt: 2 }}>
          <Typography>{translate('cop.ordering.total')}</Typography>
          <Typography variant="h5" color="error.main" data-testid="order-total" data-money-fen={total ?? undefined}>
            {total === null ? '-' : formatFen(total)}
          </Typography>
        </Stack>
        {offer.requiresAudit && offer.channel === 'gov' ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('cop.ordering.audit_hint')}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};

/**
 * 立即下单's order form (/order/<channel>/create?productId=…&strategyId=…&quantity=…&day=…): the line
 * chosen in the catalogue, the customer (gov: company and invoice) and the payment mode; submits
 * POST /orders with an Idempotency-Key and opens the new order in 我的订单.
 */
export const OrderCreate = ({ channel }: { channel: SellerChannel }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { productId, strategyId, quantity, day } = useLineParams();
  const {
    data: product,
    isPending,
    error,
  } = useGetOne<CatalogueRecord>(orderingPage(channel), { id: productId ?? 0 }, { enabled: !!productId });
  const keeper = useRef(new IdempotencyKeeper());
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});

  const back = () => navigate(`/${orderingPage(channel)}`);
  const title = <Title title={translate('cop.ordering.form_title')} />;

  if (productId && isPending) return <Loading />;
  const offer = channelOffers(product, channel).find((candidate) => candidate.strategyId === strategyId);
  if (!productId || !strategyId || !quantity || error || !product || !offer) {
    return (
      <Box sx={{ mt: 2 }}>
        {title}
        <Alert
          severity="warning"
          data-testid="order-form-unavailable"
          action={
            <Button color="inherit" size="small" onClick={back}>
              {translate('cop.ordering.back_to_catalogue')}
            </Button>
          }
        >
          {translate('cop.ordering.offer_gone')}
        </Alert>
      </Box>
    );
  }

  const problem = quantityProblem(offer, quantity);
  const dayIssue = needsDay(product) ? dayProblem(day, shanghaiToday(), true) : null;
  const needs = orderFormNeeds([product.fulfilmentMode]);
  const fields = customerFieldsOf(channel, needs);
  const paymentModes = paymentModesOf(offer.businessMode);

  const submit = async (values: Record<string, unknown>) => {
    if (inFlight.current) return undefined;
    const body = {
      channel,
      paymentMode: values.paymentMode,
      ...customerBody(values, fields),
      lines: [{ productId: product.id, strategyId: offer.strategyId, quantity, ...(day ? { day } : {}), unitPrice: offer.price }],
    };
    const idempotencyKey = keeper.current.keyFor(body);
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    setLineErrors({});
    try {
      const { data } = await dataProvider.placeOrder(body, { idempotencyKey });
      keeper.current.succeeded();
      notify('cop.ordering.placed', { type: 'success', messageArgs: { number: data.number } });
      navigate(orderShowPath('seller', data as { id: number; channel: SellerChannel }));
      return undefined;
    } catch (e) {
      keeper.current.failed(e);
      if (outcomeUnknown(e)) {
        setMessage(translate('cop.ordering.outcome_unknown'));
        return undefined;
      }
      const { lines, fields: fieldErrors } = orderErrors(e);
      setLineErrors(lines[0] ?? {});
      const inputs = [...fields, 'paymentMode'];
      const hidden = hiddenErrorMessages(e, inputs).filter((text) => !Object.values(lines[0] ?? {}).includes(text));
      setMessage(hidden.length ? hidden.map((text) => translate(text, { _: text })).join('; ') : null);
      const onInputs = Object.fromEntries(Object.entries(fieldErrors).filter(([field]) => inputs.includes(field)));
      return Object.keys(onInputs).length ? onInputs : undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }} data-testid="order-form" data-channel={channel}>
      {title}
      <Stack spacing={2}>
        <Box>
          <Button startIcon={<ArrowBackIcon />} onClick={back}>
            {translate('cop.ordering.back_to_catalogue')}
          </Button>
        </Box>
        <Summary product={product} offer={offer} quantity={quantity} day={day} lineErrors={lineErrors} />
        {problem || dayIssue ? (
          <Alert severity="error">
            {[problem ? translate(problem.message, problem.args) : null, dayIssue ? translate(dayIssue) : null]
              .filter(Boolean)
              .join('; ')}
          </Alert>
        ) : null}
        <Card variant="outlined">
          <CardHeader title={translate(channel === 'gov' ? 'cop.ordering.customer_gov' : 'cop.ordering.customer_individual')} />
          <CardContent>
            <Form record={{ paymentMode: paymentModes[0], ...(needs.visitDate ? { visitDate: day ?? '' } : {}) }} onSubmit={submit} sanitizeEmptyValues={false}>
              <Stack spacing={1}>
                {message ? (
                  <Alert severity="error" data-testid="order-form-error">
                    {message}
                  </Alert>
                ) : null}
                <CustomerInputs channel={channel} paymentModes={paymentModes} needs={needs} />
                <Box>
                  <Button
                    type="submit"
                    variant="contained"
                    startIcon={<SendIcon />}
                    disabled={busy || !!problem || !!dayIssue}
                    data-testid="order-submit"
                  >
                    {translate('cop.ordering.submit')}
                  </Button>
                </Box>
              </Stack>
            </Form>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};
