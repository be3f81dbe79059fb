import { useEffect, useState } from 'react';
import CloseIcon from '@mui/icons-material/Close';
import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout';
import {
  Alert,
  Box,
  Button,
  Chip,
  Divider,
  FormControlLabel,
  IconButton,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
  type SxProps,
  type Theme,
} from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { CopDataProvider } from '../../dataProvider';
import { formatFen } from '../shared';
import { AuthImage } from '../collaboration/files';
import { shanghaiToday } from '../stock/monthGrid';
import { channelOffers, dayProblem, drawerQuantityProblem, lineTotal, needsDay, parseQuantity, quantityRange } from '../orders/logic';
import { orderingPage, type CatalogueRecord, type Offer, type SellerChannel } from '../orders/types';

/** The attributes each category shows (labels at resources.products.fields.*). */
const CATEGORY_ATTRIBUTES: Record<string, string[]> = {
  ticket: ['scenicSpot', 'ticketType', 'entryRule'],
  catering: ['venue', 'mealPeriod'],
  retail: ['sku', 'spec'],
  coupon: ['faceValue', 'couponValidFrom', 'couponValidTo', 'usageRules'],
};
const ENUM_ATTRIBUTES: Record<string, string> = { ticketType: 'ticket_type', mealPeriod: 'meal_period' };

const Attributes = ({ product }: { product: CatalogueRecord }) => {
  const translate = useTranslate();
  const fields = [...(product.isCombo ? [] : (CATEGORY_ATTRIBUTES[product.category] ?? [])), 'fulfilmentMode'];
  const rows = fields
    .map((field) => {
      const value = product[field];
      if (value === null || value === undefined || value === '') return null;
      let text = String(value);
      if (field === 'faceValue' && typeof value === 'number') text = formatFen(value);
      if (field === 'fulfilmentMode') text = translate(`cop.fulfilment_mode.${value}`, { _: text });
      if (ENUM_ATTRIBUTES[field]) text = translate(`cop.${ENUM_ATTRIBUTES[field]}.${value}`, { _: text });
      return { field, text };
    })
    .filter((row): row is { field: string; text: string } => !!row);
  if (product.isCombo && product.comboItems?.length) {
    // its parts by name and quantity (西湖门票 × 2、灵隐门票 × 1); the count when an older server sends no names
    const parts = product.comboItems.filter((item) => item.name).map((item) => `${item.name} × ${item.quantity}`);
    rows.push({ field: 'comboItems', text: parts.length ? parts.join('、') : translate('cop.ordering.combo_items', { smart_count: product.comboItems.length }) });
  }
  if (!rows.length) return null;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      {rows.map(({ field, text }) => (
        <Box key={field} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {field === 'comboItems' ? translate('cop.products.combo_items') : translate(`resources.products.fields.${field}`)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            {text}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** The product's category, and 组合 for a combo. */
export const CategoryChips = ({ product, sx }: { product: CatalogueRecord; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={sx}>
      <Chip size="small" color="primary" label={translate(`cop.product_category.${product.category}`, { _: product.category })} />
      {product.isCombo ? <Chip size="small" variant="outlined" label={translate('cop.ordering.combo_chip')} /> : null}
    </Stack>
  );
};

/** One strategy to choose: name, price, business mode, limits (and, gov, whether the order is audited). */
const OfferChoice = ({ offer, checked }: { offer: Offer; checked: boolean }) => {
  const translate = useTranslate();
  const { min, max } = quantityRange(offer);
  return (
    <FormControlLabel
      value={offer.strategyId}
      control={<Radio size="small" />}
      data-testid={`offer-${offer.strategyId}`}
      data-selected={checked ? 'true' : 'false'}
      sx={{
        alignItems: 'flex-start',
        m: 0,
        mb: 1,
        p: 1,
        border: 1,
        borderRadius: 1,
        borderColor: checked ? 'primary.main' : 'divider',
      }}
      label={
        <Box sx={{ pt: 0.5 }}>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap">
            <Typography variant="subtitle2">{offer.strategyName}</Typography>
            <Typography variant="subtitle2" color="error.main">
              {formatFen(offer.price)}
            </Typography>
            <Chip
              size="small"
              variant="outlined"
              label={translate(`cop.business_mode.${offer.businessMode}`, { _: offer.businessMode })}
            />
            {offer.requiresAudit ? (
              <Chip size="small" color="warning" variant="outlined" label={translate('cop.ordering.requires_audit')} />
            ) : null}
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div">
            {[
              translate('cop.ordering.min_quantity', { min }),
              max !== null ? translate('cop.ordering.max_quantity', { max }) : translate('cop.ordering.no_max'),
              offer.dailyMax ? translate('cop.ordering.daily_max', { max: offer.dailyMax }) : null,
              translate('cop.ordering.effective_to', { date: offer.effectiveTo }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Box>
      }
    />
  );
};

/**
 * A catalogue product in the drawer: its description, the strategies of this channel, a day for
 * daily-stock products and combos, the quantity within the strategy's limits and the total;
 * 加入购物车 (POST /cart-items) or 立即下单 (the order form with this line).
 */
export const ProductPanel = ({
  product,
  channel,
  onClose,
}: {
  product: CatalogueRecord;
  channel: SellerChannel;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const offers = channelOffers(product, channel);
  const [strategyId, setStrategyId] = useState<number | undefined>(offers[0]?.strategyId);
  const offer = offers.find((candidate) => candidate.strategyId === strategyId) ?? offers[0];
  const [quantityText, setQuantityText] = useState(String(offer ? quantityRange(offer).min : 1));
  const [day, setDay] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // the stock left (for the chosen day with daily stock): undefined until known, null when not managed
  const [available, setAvailable] = useState<number | null | undefined>(undefined);

  const today = shanghaiToday();
  const withDay = needsDay(product);
  const quantity = parseQuantity(quantityText);
  const quantityIssue = offer ? drawerQuantityProblem(offer, quantity, available) : null;
  const dayIssue = withDay ? dayProblem(day, today, true) : null;
  // the total only for a quantity that may be ordered
  const total = offer && !quantityIssue ? lineTotal(offer.price, quantity) : null;
  const invalid = !offer || !!quantityIssue || !!dayIssue;
  const managed = product.stockMode === 'total' || product.stockMode === 'daily';
  const stockDay = product.stockMode === 'daily' && day && !dayIssue ? day : undefined;

  useEffect(() => {
    setAvailable(undefined);
    if (!managed || (product.stockMode === 'daily' && !stockDay)) return undefined;
    let live = true;
    dataProvider
      .catalogueStock(product.id, stockDay)
      .then(({ available: left }) => live && setAvailable(left))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dataProvider, product.id, product.stockMode, managed, stockDay]);

  const chooseOffer = (id: number) => {
    setStrategyId(id);
    setServerErrors({});
    const next = offers.find((candidate) => candidate.strategyId === id);
    if (next && (quantity === null || quantity < quantityRange(next).min)) setQuantityText(String(quantityRange(next).min));
  };

  const line = () => ({
    productId: product.id,
    strategyId: offer!.strategyId,
    quantity: quantity as number,
    ...(withDay && day ? { day } : {}),
  });

  const addToCart = async () => {
    setTouched(true);
    if (invalid || busy) return;
    setBusy(true);
    setServerErrors({});
    try {
      await dataProvider.create('cart-items', { data: { channel, ...line() } });
      notify('cop.ordering.added_to_cart', { type: 'success' });
      onClose();
    } catch (error: any) {
      const errors = error?.body?.errors;
      if (errors && typeof errors === 'object')
        setServerErrors(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, String(v)])));
      else setServerErrors({ _: error?.message || translate('ra.notification.http_error') });
    } finally {
      setBusy(false);
    }
  };

  const orderNow = () => {
    setTouched(true);
    if (invalid) return;
    const params = new URLSearchParams(Object.entries(line()).map(([key, value]) => [key, String(value)]));
    navigate(`/${orderingPage(channel)}/create?${params.toString()}`);
  };

  const quantityHelper =
    serverErrors.quantity ??
    (quantityIssue && (touched || quantityText !== '') ? translate(quantityIssue.message, quantityIssue.args) : undefined) ??
    (typeof available === 'number' ? translate('cop.ordering.stock_left', { available }) : undefined) ??
    (managed && product.stockMode === 'daily' && !stockDay ? translate('cop.ordering.stock_pick_day') : undefined);
  const quantityError = !!serverErrors.quantity || (!!quantityIssue && (touched || quantityText !== ''));
  const dayHelper = serverErrors.day ?? (dayIssue && touched ? translate(dayIssue) : translate('cop.ordering.day_help'));
  const otherErrors = Object.entries(serverErrors)
    .filter(([field]) => field !== 'quantity' && field !== 'day')
    .map(([, message]) => message);

  return (
    <Box sx={{ width: { xs: '100vw', sm: 480 }, p: 2 }} data-testid="catalogue-detail" data-product-id={product.id}>
      <Stack direction="row" alignItems="flex-start" spacing={1}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h6">{product.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {product.supplierName ?? ''}
          </Typography>
          <CategoryChips product={product} sx={{ mt: 1 }} />
        </Box>
        <IconButton onClick={onClose} aria-label={translate('ra.action.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Divider sx={{ my: 2 }} />
      {product.pictureFiles?.length ? (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mb: 2 }} data-testid="catalogue-pictures">
          {product.pictureFiles.map((file) => (
            <AuthImage key={file.id} source={{ resource: orderingPage(channel), recordId: product.id, verb: 'picture' }} file={file} size={96} />
          ))}
        </Stack>
      ) : null}
      <Typography variant="subtitle2" gutterBottom>
        {translate('resources.products.fields.description')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 2 }} data-testid="catalogue-description">
        {product.description || translate('cop.ordering.no_description')}
      </Typography>
      <Attributes product={product} />
      <Divider sx={{ my: 2 }} />
      {offers.length ? (
        <>
          <Typography variant="subtitle2" gutterBottom>
            {translate('cop.ordering.choose_strategy')}
          </Typography>
          <RadioGroup value={offer?.strategyId ?? ''} onChange={(event) => chooseOffer(Number(event.target.value))}>
            {offers.map((candidate) => (
              <OfferChoice key={candidate.strategyId} offer={candidate} checked={candidate.strategyId === offer?.strategyId} />
            ))}
          </RadioGroup>
          {serverErrors.strategyId ? <Alert severity="error">{serverErrors.strategyId}</Alert> : null}
          <Stack direction="row" spacing={2} sx={{ mt: 2 }} flexWrap="wrap" useFlexGap>
            {withDay ? (
              <TextField
                type="date"
                label={translate('cop.ordering.day')}
                value={day}
                onChange={(event) => {
                  setDay(event.target.value);
                  setServerErrors({});
                }}
                error={!!serverErrors.day || (touched && !!dayIssue)}
                helperText={dayHelper}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today, 'data-testid': 'order-day' } }}
              />
            ) : null}
            <TextField
              type="number"
              label={translate('cop.ordering.quantity')}
              value={quantityText}
              onChange={(event) => {
                setQuantityText(event.target.value);
                setServerErrors({});
              }}
              error={quantityError}
              helperText={quantityHelper}
              slotProps={{
                htmlInput: {
                  min: offer ? quantityRange(offer).min : 1,
                  max: offer ? (quantityRange(offer).max ?? undefined) : undefined,
                  step: 1,
                  'data-testid': 'order-quantity',
                },
              }}
              sx={{ width: 160 }}
            />
          </Stack>
          <Stack direction="row" alignItems="baseline" spacing={1} sx={{ mt: 2 }}>
            <Typography>{translate('cop.ordering.total')}</Typography>
            <Typography variant="h5" color="error.main" data-testid="order-total" data-money-fen={total ?? undefined}>
              {total === null ? '-' : formatFen(total)}
            </Typography>
          </Stack>
          {otherErrors.length ? (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="catalogue-error">
              {otherErrors.join('; ')}
            </Alert>
          ) : null}
          <Stack direction="row" spacing={2} sx={{ mt: 2 }} alignItems="center" flexWrap="wrap" useFlexGap>
            <Button
              variant="outlined"
              startIcon={<AddShoppingCartIcon />}
              onClick={() => void addToCart()}
              disabled={busy || !!quantityIssue}
              data-testid="add-to-cart"
            >
              {translate('cop.ordering.add_to_cart')}
            </Button>
            <Button
              variant="contained"
              startIcon={<ShoppingCartCheckoutIcon />}
              onClick={orderNow}
              disabled={busy || !!quantityIssue}
              data-testid="order-now"
            >
              {translate('cop.ordering.order_now')}
            </Button>
            {quantityIssue ? (
              <Typography variant="body2" color="error.main" data-testid="order-blocked">
                {translate('cop.ordering.cannot_order', { reason: translate(quantityIssue.message, quantityIssue.args) })}
              </Typography>
            ) : null}
          </Stack>
        </>
      ) : (
        <Alert severity="warning">{translate('cop.ordering.no_offer')}</Alert>
      )}
    </Box>
  );
};
