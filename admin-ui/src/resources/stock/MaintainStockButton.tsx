import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import TuneIcon from '@mui/icons-material/Tune';
import { Button, useDataProvider, useNotify, usePermissions, useTranslate, type Identifier } from 'react-admin';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import type { CopDataProvider, StockMaintenance } from '../../dataProvider';
import { shanghaiToday } from './monthGrid';

type Mode = StockMaintenance['mode'];
type FieldErrors = Partial<Record<'mode' | 'quantity' | 'from' | 'to', string>>;

interface Props {
  productId: Identifier;
  /** Daily stock is maintained over a date range; total stock has a single counter. */
  daily: boolean;
  /** The range offered first (the month on screen). */
  defaultFrom?: string;
  defaultTo?: string;
  onDone: () => void;
}

/** 库存维护: set or add a quantity (over a date range for daily stock) with POST /stock-days/maintain. */
export const MaintainStockButton = ({ productId, daily, defaultFrom = '', defaultTo = '', onDone }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { permissions } = usePermissions<CopPermissions>();
  const canAccess = canAccessWith(permissions, 'stock-days', 'create');
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('set');
  const [quantity, setQuantity] = useState('');
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!canAccess) return null;

  const openDialog = () => {
    setMode('set');
    setQuantity('');
    setFrom(defaultFrom);
    setTo(defaultTo);
    setErrors({});
    setMessage(null);
    setOpen(true);
  };

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    const value = Number(quantity);
    if (quantity.trim() === '' || !Number.isInteger(value)) found.quantity = translate('cop.validation.integer');
    else if (mode === 'set' && value < 0) found.quantity = translate('ra.validation.minValue', { min: 0 });
    if (daily) {
      if (!from) found.from = translate('ra.validation.required');
      if (!to) found.to = translate('ra.validation.required');
      if (from && to && to < from) found.to = translate('cop.validation.date_order');
      // past days take no stock (the server refuses them too)
      const today = shanghaiToday();
      if (from && from < today) found.from = translate('cop.validation.stock_not_past');
      if (to && to < today) found.to = translate('cop.validation.stock_not_past');
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const found = check();
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body: StockMaintenance = { productId, mode, quantity: Number(quantity), ...(daily ? { from, to } : {}) };
      const { changed } = await dataProvider.maintainStock(body);
      notify('cop.stock.maintained', { type: 'success', messageArgs: { smart_count: changed ?? 0 } });
      setOpen(false);
      onDone();
    } catch (e: any) {
      const fieldErrors = (e?.body?.errors ?? {}) as Record<string, string>;
      const known: FieldErrors = {};
      const other: string[] = [];
      for (const [field, text] of Object.entries(fieldErrors)) {
        if (field === 'mode' || field === 'quantity' || field === 'from' || field === 'to') known[field] = String(text);
        else other.push(String(text));
      }
      setErrors(known);
      setMessage(other.length ? other.join('; ') : Object.keys(known).length ? null : e?.message || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cop.stock.maintain" onClick={openDialog} data-testid="stock-maintain" variant="contained">
        <TuneIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{translate('cop.stock.maintain')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {message ? <Alert severity="error">{message}</Alert> : null}
              <FormControl error={!!errors.mode}>
                <FormLabel>{translate('cop.stock.mode')}</FormLabel>
                <RadioGroup row value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
                  <FormControlLabel
                    value="set"
                    control={<Radio slotProps={{ input: { 'data-testid': 'stock-mode-set' } as object }} />}
                    label={translate('cop.stock.mode_set')}
                  />
                  <FormControlLabel
                    value="add"
                    control={<Radio slotProps={{ input: { 'data-testid': 'stock-mode-add' } as object }} />}
                    label={translate('cop.stock.mode_add')}
                  />
                </RadioGroup>
                {errors.mode ? <FormHelperText>{errors.mode}</FormHelperText> : null}
              </FormControl>
              <TextField
                type="number"
                required
                label={translate('cop.stock.quantity')}
                value={quantity}
                onChange={(event) => setQuantity(event.target.value)}
                error={!!errors.quantity}
                helperText={errors.quantity ?? translate(mode === 'add' ? 'cop.stock.quantity_add_help' : 'cop.stock.quantity_set_help')}
                slotProps={{ htmlInput: { step: 1, 'data-testid': 'stock-maintain-quantity' } }}
              />
              {daily ? (
                <Stack direction="row" spacing={2}>
                  <TextField
                    type="date"
                    required
                    fullWidth
                    label={translate('cop.stock.from')}
                    value={from}
                    onChange={(event) => setFrom(event.target.value)}
                    error={!!errors.from}
                    helperText={errors.from}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stock-maintain-from' } }}
                  />
                  <TextField
                    type="date"
                    required
                    fullWidth
                    label={translate('cop.stock.to')}
                    value={to}
                    onChange={(event) => setTo(event.target.value)}
                    error={!!errors.to}
                    helperText={errors.to}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stock-maintain-to' } }}
                  />
                </Stack>
              ) : null}
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy} data-testid="stock-maintain-submit">
              {translate('ra.action.confirm')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
