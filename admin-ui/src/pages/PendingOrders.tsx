import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import PendingActionsIcon from '@mui/icons-material/PendingActions';
import { RecordContextProvider, ResourceContextProvider, useGetList, useTranslate } from 'react-admin';
import { DateTimeField, formatFen, useOwnEnterpriseId } from '../resources/shared';
import { ApproveOrderButton, FulfilLineButton, PayButton, RejectOrderButton } from '../resources/orders/buttons';
import { OrderStatusChip } from '../resources/orders/fields';
import { pendingLines } from '../resources/orders/logic';
import { SELLER_ORDERS_PAGE, orderShowPath, supplierOrdersPage, type OrderRecord, type OrderStatus } from '../resources/orders/types';

/** How many orders each home list shows. */
export const PENDING_LIMIT = 5;

function usePendingOrders(side: 'seller' | 'supplier', status: OrderStatus | OrderStatus[]) {
  const { enterpriseId, isPending: identityPending } = useOwnEnterpriseId();
  return useGetList<OrderRecord>(
    side === 'seller' ? SELLER_ORDERS_PAGE : 'orders',
    {
      filter: {
        status,
        ...(enterpriseId ? (side === 'seller' ? { sellerId: enterpriseId } : { supplierId: enterpriseId }) : {}),
      },
      pagination: { page: 1, perPage: PENDING_LIMIT },
      sort: { field: 'createdAt', order: 'DESC' },
    },
    { enabled: !identityPending },
  );
}

/**
 * A short list of orders: number (link to the detail page), counterparty, amount, status, time, and the
 * quick actions of `extra`. Each row is in the resource of its order page (我的订单, or the supplier's
 * list of its channel), so the order verb buttons check the same keys as on that page: a user without
 * the key sees no button.
 */
const OrderRows = ({
  side,
  orders,
  testId,
  extra,
}: {
  side: 'seller' | 'supplier';
  orders: OrderRecord[];
  testId: string;
  extra?: (order: OrderRecord) => ReactNode;
}) => {
  const translate = useTranslate();
  if (!orders.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={`${testId}-empty`}>
        {translate('cop.home.no_pending')}
      </Typography>
    );
  }
  return (
    <Table size="small" sx={{ tableLayout: 'fixed' }}>
      <TableBody>
        {orders.map((order) => (
          <ResourceContextProvider key={order.id} value={side === 'seller' ? SELLER_ORDERS_PAGE : supplierOrdersPage(order.channel)}>
            <RecordContextProvider value={order}>
              <TableRow data-testid={`${testId}-${order.id}`}>
                <TableCell>
                  <MuiLink component={Link} to={orderShowPath(side, order)}>
                    {order.number}
                  </MuiLink>
                </TableCell>
                <TableCell>{side === 'seller' ? order.supplierName : order.sellerName}</TableCell>
                <TableCell>{order.companyName || order.customerName}</TableCell>
                <TableCell align="right">{formatFen(order.totalAmount)}</TableCell>
                <TableCell>
                  <OrderStatusChip />
                </TableCell>
                <TableCell>
                  <DateTimeField source={order.status === 'pending_payment' && order.expiresAt ? 'expiresAt' : 'createdAt'} />
                </TableCell>
                {extra ? (
                  <TableCell align="right" sx={{ width: 300, whiteSpace: 'nowrap' }}>
                    {extra(order)}
                  </TableCell>
                ) : null}
              </TableRow>
            </RecordContextProvider>
          </ResourceContextProvider>
        ))}
      </TableBody>
    </Table>
  );
};

const Section = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Box data-testid={testId} sx={{ mb: 2 }}>
    <Typography variant="subtitle1" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

/** 待支付订单 (seller home): the 5 newest orders waiting for payment, each with a 支付 shortcut. */
export const PendingPaymentCard = () => {
  const translate = useTranslate();
  const { data, isPending } = usePendingOrders('seller', 'pending_payment');
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('cop.home.pending_payment')}
        avatar={<PendingActionsIcon color="warning" />}
        action={
          <MuiLink
            component={Link}
            to={`/${SELLER_ORDERS_PAGE}?filter=${encodeURIComponent(JSON.stringify({ status: 'pending_payment' }))}`}
            sx={{ mr: 1 }}
          >
            {translate('cop.home.all_orders')}
          </MuiLink>
        }
      />
      <CardContent data-testid="dashboard-pending-payment">
        {isPending ? (
          <LinearProgress />
        ) : (
          <OrderRows side="seller" orders={data ?? []} testId="pending-payment" extra={() => <PayButton />} />
        )}
      </CardContent>
    </Card>
  );
};

/** 通过 / 驳回 of an order waiting for audit (the order page's buttons: confirmation, a reason to reject). */
const AuditActions = () => (
  <>
    <ApproveOrderButton />
    <RejectOrderButton />
  </>
);

/**
 * 履约 of the order's next pending line (the order page's dialog, which names the line); once it is
 * fulfilled the list refreshes and offers the next one, until the order leaves the list.
 */
const NextFulfilButton = ({ order }: { order: OrderRecord }) => {
  const [line] = pendingLines(order);
  return line ? <FulfilLineButton line={line} /> : null;
};

/** 待处理订单 (supplier home): the 5 newest orders waiting for audit, and for fulfilment (paid or fulfilling). */
export const PendingOrdersCard = () => {
  const translate = useTranslate();
  const audit = usePendingOrders('supplier', 'pending_audit');
  const fulfil = usePendingOrders('supplier', ['paid', 'fulfilling']);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('cop.home.pending_orders')} avatar={<PendingActionsIcon color="warning" />} />
      <CardContent>
        <Section title={translate('cop.home.pending_audit')} testId="dashboard-pending-audit">
          {audit.isPending ? (
            <LinearProgress />
          ) : (
            <OrderRows side="supplier" orders={audit.data ?? []} testId="pending-audit" extra={() => <AuditActions />} />
          )}
        </Section>
        <Section title={translate('cop.home.pending_fulfilment')} testId="dashboard-pending-fulfilment">
          {fulfil.isPending ? (
            <LinearProgress />
          ) : (
            <OrderRows
              side="supplier"
              orders={fulfil.data ?? []}
              testId="pending-fulfilment"
              extra={(order) => <NextFulfilButton order={order} />}
            />
          )}
        </Section>
      </CardContent>
    </Card>
  );
};
