import { Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { formatFen } from '../shared';
import type { OrderRecord } from './types';

/**
 * The available balance of the account an order is paid from (the seller's prepaid or credit account at the
 * supplier; what placing the order froze is no longer in it). Shows nothing without ledger.read or an account.
 */
export const PayBalance = ({ record }: { record: OrderRecord }) => {
  const translate = useTranslate();
  const resource = record.paymentMode === 'credit' ? 'my-accounts/credit' : 'my-accounts';
  const { data } = useGetList<{ id: number; available?: number; status?: string }>(
    resource,
    { filter: { supplierId: record.supplierId }, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' } },
    { retry: false },
  );
  const account = data?.[0];
  if (!account || typeof account.available !== 'number') return null;
  return (
    <Typography data-testid="order-pay-available" data-money-fen={account.available} color="text.secondary">
      {translate('cop.orders.pay_available', { amount: formatFen(account.available) })}
    </Typography>
  );
};
