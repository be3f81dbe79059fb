import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import DeleteIcon from '@mui/icons-material/Delete';
import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout';
import {
  Alert,
  Box,
  Button,
  Card,
  Checkbox,
  Chip,
  IconButton,
  Link as MuiLink,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { Confirm, Loading, Title, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import type { CheckoutResult } from '../../dataProvider';
import { formatFen } from '../shared';
import { shanghaiToday } from '../stock/monthGrid';
import { changedPrice, dayProblem, parseQuantity } from '../orders/logic';
import { cartPage, orderingPage, SELLER_CHANNELS, SELLER_ORDERS_PAGE, type CartItem, type SellerChannel } from '../orders/types';
import { CheckoutDialog } from './CheckoutDialog';

/** The cart holds at most 100 lines per user: one request reads a whole cart. */
const CART_MAX = 100;

/** 个人客户购物车 | 政府企业购物车: each cart is a page of its own (/cart, /cart/gov). */
const CartTabs = ({ channel }: { channel: SellerChannel }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', mt: 1 }}>
      <Tabs value={channel}>
        {SELLER_CHANNELS.map((tab) => (
          <Tab
            key={tab}
            value={tab}
            label={translate(`cop.cart.tab_${tab}`)}
            component={Link}
            to={`/${cartPage(tab)}`}
            data-testid={`cart-tab-${tab}`}
          />
        ))}
      </Tabs>
    </Box>
  );
};

const FIELD_ORDER = ['strategyId', 'unitPrice', 'quantity', 'day', 'productId'];

interface LineProps {
  item: CartItem;
  selected: boolean;
  errors: Record<string, string> | undefined;
  onSelect: (selected: boolean) => void;
  /** PUT /cart-items/:id with a new quantity or day (or as it is: the line takes the current price). */
  onChange: (changes: { quantity?: number; day?: string | null }) => Promise<void>;
  onDelete: () => void;
}

/** One cart line: its checkbox, product, day, price, quantity (editable), amount, and its errors. */
const CartLine = ({ item, selected, errors, onSelect, onChange, onDelete }: LineProps) => {
  const translate = useTranslate();
  const [quantityText, setQuantityText] = useState(String(item.quantity));
  const [dayText, setDayText] = useState(item.day ?? '');
  useEffect(() => setQuantityText(String(item.quantity)), [item.quantity]);
  useEffect(() => setDayText(item.day ?? ''), [item.day]);
  const today = shanghaiToday();

  const quantity = parseQuantity(quantityText);
  const quantityInvalid = quantity === null || !Number.isSafeInteger(quantity) || quantity < 1;
  const commitQuantity = () => {
    if (quantityInvalid || quantity === item.quantity) return;
    void onChange({ quantity: quantity as number });
  };
  const commitDay = (day: string) => {
    setDayText(day);
    if (day && day !== item.day && !dayProblem(day, today, true)) void onChange({ day });
  };

  const messages = Object.entries(errors ?? {}).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  const unavailable = !item.available;
  const newPrice = changedPrice(item);

  return (
    <>
      <TableRow
        data-testid={`cart-line-${item.id}`}
        data-available={item.available ? 'true' : 'false'}
        data-has-error={messages.length ? 'true' : 'false'}
        selected={selected}
        sx={messages.length ? { '& > td': { borderBottom: 0 } } : undefined}
      >
        <TableCell padding="checkbox">
          <Checkbox
            checked={selected}
            disabled={unavailable}
            onChange={(event) => onSelect(event.target.checked)}
            slotProps={{
              input: { 'aria-label': item.productName ?? String(item.id), 'data-testid': `cart-select-${item.id}` } as object,
            }}
          />
        </TableCell>
        <TableCell>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {item.productName ?? `#${item.productId}`}
          </Typography>
          {unavailable ? (
            <Chip
              size="small"
              color="warning"
              label={translate('cop.cart.unavailable')}
              sx={{ mt: 0.5 }}
              data-testid={`cart-unavailable-${item.id}`}
            />
          ) : null}
        </TableCell>
        <TableCell>{item.supplierName ?? '-'}</TableCell>
        <TableCell>
          {item.day ? (
            <TextField
              type="date"
              size="small"
              value={dayText}
              onChange={(event) => commitDay(event.target.value)}
              error={!!errors?.day || (!!dayText && !!dayProblem(dayText, today, true))}
              slotProps={{ htmlInput: { min: today, 'data-testid': `cart-day-${item.id}` } }}
              sx={{ width: 160 }}
            />
          ) : (
            '-'
          )}
        </TableCell>
        <TableCell align="right">
          {formatFen(item.unitPrice)}
          {newPrice !== null ? (
            <Box data-testid={`cart-price-changed-${item.id}`} data-money-fen={newPrice}>
              <Typography variant="caption" color="warning.main" component="div">
                {translate('cop.cart.price_now', { price: formatFen(newPrice) })}
              </Typography>
              <Button size="small" onClick={() => void onChange({})} data-testid={`cart-accept-price-${item.id}`}>
                {translate('cop.cart.accept_price')}
              </Button>
            </Box>
          ) : null}
        </TableCell>
        <TableCell align="right">
          <TextField
            type="number"
            size="small"
            value={quantityText}
            onChange={(event) => setQuantityText(event.target.value)}
            onBlur={commitQuantity}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commitQuantity();
            }}
            error={quantityInvalid || !!errors?.quantity}
            slotProps={{ htmlInput: { min: 1, step: 1, 'data-testid': `cart-quantity-${item.id}` } }}
            sx={{ width: 100 }}
          />
        </TableCell>
        <TableCell align="right" data-testid={`cart-amount-${item.id}`} data-money-fen={item.amount}>
          {formatFen(item.amount)}
        </TableCell>
        <TableCell>
          <Tooltip title={translate('ra.action.delete')}>
            <IconButton aria-label={translate('ra.action.delete')} onClick={onDelete} data-testid={`cart-delete-${item.id}`}>
              <DeleteIcon />
            </IconButton>
          </Tooltip>
        </TableCell>
      </TableRow>
      {messages.length ? (
        <TableRow data-testid={`cart-line-error-${item.id}`}>
          <TableCell />
          <TableCell colSpan={7} sx={{ pt: 0 }}>
            {messages.map(([field, message]) => (
              <Typography key={field} variant="body2" color="error" data-field={field}>
                {FIELD_ORDER.includes(field) ? translate(`cop.cart.error_${field}`) : ''}
                {message}
              </Typography>
            ))}
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
};

/** The orders a checkout created, with links to their detail pages. */
const CheckoutResultNotice = ({ orders, onClose }: { orders: CheckoutResult[]; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert severity="success" onClose={onClose} sx={{ mt: 2 }} data-testid="checkout-result">
      <Typography variant="body2" gutterBottom>
        {translate('cop.cart.checkout_done', { smart_count: orders.length })}
      </Typography>
      {orders.map((order) => (
        <Box key={order.id}>
          <MuiLink component={Link} to={`/${SELLER_ORDERS_PAGE}/${order.id}/show`} data-testid={`checkout-order-${order.id}`}>
            {order.number}
          </MuiLink>{' '}
          · {formatFen(order.totalAmount)} · {translate(`cop.order_status.${order.status}`, { _: order.status })}
        </Box>
      ))}
    </Alert>
  );
};

/**
 * 购物车 (one page per channel): the user's lines with quantity (and day) editing, deletion and
 * selection; 去结算 opens the order form for the selected lines, the server makes one order per
 * supplier. Lines the server refuses (a changed price, a strategy no longer in effect) show why.
 */
export const CartPage = ({ channel }: { channel: SellerChannel }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const resource = cartPage(channel);
  const { data, isPending, refetch } = useGetList<CartItem>(resource, {
    filter: { channel },
    pagination: { page: 1, perPage: CART_MAX },
    sort: { field: 'id', order: 'ASC' },
  });
  const items = useMemo(() => data ?? [], [data]);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [lineErrors, setLineErrors] = useState<Record<number, Record<string, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [checkingOut, setCheckingOut] = useState(false);
  const [created, setCreated] = useState<CheckoutResult[] | null>(null);
  const [deleting, setDeleting] = useState<CartItem | null>(null);

  const selectable = items.filter((item) => item.available);
  const selected = items.filter((item) => selectedIds.includes(item.id) && item.available);
  // the checkout's lines as read now: a line that became unavailable stays there, with its message
  const chosen = items.filter((item) => selectedIds.includes(item.id));
  const selectedTotal = selected.reduce((sum, item) => sum + item.amount, 0);

  const setErrorsOf = (id: number, errors: Record<string, string> | undefined) =>
    setLineErrors((current) => {
      const next = { ...current };
      if (errors && Object.keys(errors).length) next[id] = errors;
      else delete next[id];
      return next;
    });

  const change = async (item: CartItem, changes: { quantity?: number; day?: string | null }) => {
    const body = { quantity: item.quantity, strategyId: item.strategyId, ...(item.day ? { day: item.day } : {}), ...changes };
    try {
      await dataProvider.update('cart-items', { id: item.id, data: body, previousData: item });
      setErrorsOf(item.id, undefined);
    } catch (error: any) {
      const errors = error?.body?.errors;
      setErrorsOf(
        item.id,
        errors && typeof errors === 'object'
          ? Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, String(message)]))
          : { quantity: error?.message || translate('ra.notification.http_error') },
      );
    }
    await refetch();
  };

  const remove = async (item: CartItem) => {
    try {
      await dataProvider.delete('cart-items', { id: item.id, previousData: item });
      notify('cop.cart.deleted', { type: 'info' });
      setSelectedIds((ids) => ids.filter((id) => id !== item.id));
      setErrorsOf(item.id, undefined);
    } catch (error: any) {
      notify(error?.message || 'ra.notification.http_error', { type: 'error' });
    }
    setDeleting(null);
    await refetch();
  };

  if (isPending) return <Loading />;

  return (
    <Box data-testid="cart" data-channel={channel}>
      <Title title={translate('cop.cart.title')} />
      <CartTabs channel={channel} />
      {created ? <CheckoutResultNotice orders={created} onClose={() => setCreated(null)} /> : null}
      {notice ? (
        <Alert severity="warning" onClose={() => setNotice(null)} sx={{ mt: 2 }} data-testid="cart-notice">
          {notice}
        </Alert>
      ) : null}
      <Card sx={{ mt: 2 }}>
        {items.length ? (
          <TableContainer>
            <Table size="small" data-testid="cart-lines">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selectable.length > 0 && selected.length === selectable.length}
                      indeterminate={selected.length > 0 && selected.length < selectable.length}
                      disabled={!selectable.length}
                      onChange={(event) => setSelectedIds(event.target.checked ? selectable.map((item) => item.id) : [])}
                      slotProps={{ input: { 'aria-label': translate('cop.cart.select_all') } }}
                    />
                  </TableCell>
                  <TableCell>{translate('cop.cart.product')}</TableCell>
                  <TableCell>{translate('cop.cart.supplier')}</TableCell>
                  <TableCell>{translate('cop.cart.day')}</TableCell>
                  <TableCell align="right">{translate('cop.cart.unit_price')}</TableCell>
                  <TableCell align="right">{translate('cop.cart.quantity')}</TableCell>
                  <TableCell align="right">{translate('cop.cart.amount')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((item) => (
                  <CartLine
                    key={item.id}
                    item={item}
                    selected={selectedIds.includes(item.id) && item.available}
                    errors={lineErrors[item.id]}
                    onSelect={(on) =>
                      setSelectedIds((ids) =>
                        on ? [...ids.filter((id) => id !== item.id), item.id] : ids.filter((id) => id !== item.id),
                      )
                    }
                    onChange={(changes) => change(item, changes)}
                    onDelete={() => setDeleting(item)}
                  />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : (
          <Box sx={{ p: 4, textAlign: 'center' }} data-testid="cart-empty">
            <Typography color="text.secondary" gutterBottom>
              {translate('cop.cart.empty')}
            </Typography>
            <Button component={Link} to={`/${orderingPage(channel)}`}>
              {translate('cop.cart.go_order')}
            </Button>
          </Box>
        )}
        {items.length ? (
          <Stack direction="row" spacing={2} alignItems="center" justifyContent="flex-end" sx={{ p: 2 }}>
            <Typography data-testid="cart-selected-total" data-money-fen={selectedTotal}>
              {translate('cop.cart.selected', { smart_count: selected.length, amount: formatFen(selectedTotal) })}
            </Typography>
            <Button
              variant="contained"
              startIcon={<ShoppingCartCheckoutIcon />}
              disabled={!selected.length}
              onClick={() => {
                setCreated(null);
                setCheckingOut(true);
                // current prices and availability for the dialog's total
                void refetch();
              }}
              data-testid="cart-checkout"
            >
              {translate('cop.cart.checkout')}
            </Button>
          </Stack>
        ) : null}
      </Card>
      {checkingOut ? (
        <CheckoutDialog
          channel={channel}
          items={chosen}
          open
          onClose={() => setCheckingOut(false)}
          onDone={(orders) => {
            setCheckingOut(false);
            setCreated(orders);
            setNotice(null);
            setLineErrors({});
            setSelectedIds([]);
            notify('cop.cart.checkout_done', { type: 'success', messageArgs: { smart_count: orders.length } });
            void refetch();
          }}
          onLineErrors={(lines) => {
            // the dialog stays open with the messages in place; the cart shows them too once it is closed
            setLineErrors(lines);
            setNotice(translate('cop.cart.lines_changed'));
            void refetch();
          }}
          onRemove={(id) => setSelectedIds((ids) => ids.filter((selectedId) => selectedId !== id))}
        />
      ) : null}
      <Confirm
        isOpen={!!deleting}
        title="cop.cart.delete_title"
        content="cop.cart.delete_content"
        translateOptions={{ name: deleting?.productName ?? '' }}
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
