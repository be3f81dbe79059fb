import { useMemo, type ReactElement } from 'react';
import {
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TopToolbar,
  useGetList,
  usePermissions,
} from 'react-admin';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import { DateTimeField, EnumChip, MoneyField, MoneyInput, WithOwnEnterprise, createdAtFilters } from '../shared';
import { ExportListButton } from '../ExportButton';
import { PayButton } from './buttons';
import { CustomerField, OrderStatusChip } from './fields';
import type { OrderSide } from './logic';
import { orderStatusChoices, sellerChannelChoices, type OrderChannel } from './types';

/** Enough for every partner of one supplier in a single request. */
const PARTNERS_PER_PAGE = 500;

/**
 * The sellers of the supplier's partnerships (active or stopped: old orders keep their seller), as
 * filter choices; none when the user cannot read partnerships.
 */
function useSellerChoices(enterpriseId: number | undefined) {
  const { permissions } = usePermissions<CopPermissions>();
  const allowed = canAccessWith(permissions, 'partnerships', 'list');
  const { data } = useGetList<{ id: number; sellerId: number; sellerName?: string | null }>(
    'partnerships',
    {
      filter: enterpriseId ? { supplierId: enterpriseId } : {},
      pagination: { page: 1, perPage: PARTNERS_PER_PAGE },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: allowed },
  );
  return useMemo(() => {
    if (!allowed) return null;
    const seen = new Map<number, string>();
    for (const partnership of data ?? []) {
      if (!seen.has(partnership.sellerId)) seen.set(partnership.sellerId, partnership.sellerName ?? `#${partnership.sellerId}`);
    }
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [allowed, data]);
}

const sellerFilters = (): ReactElement[] => [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={orderStatusChoices} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={sellerChannelChoices} alwaysOn />,
  ...createdAtFilters,
];

const supplierFilters = (sellers: { id: number; name: string }[] | null): ReactElement[] => [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={orderStatusChoices} alwaysOn />,
  ...(sellers
    ? [<SelectInput key="sellerId" source="sellerId" choices={sellers} translateChoice={false} alwaysOn sx={{ minWidth: 200 }} />]
    : []),
  ...createdAtFilters,
  <MoneyInput key="totalAmount_gte" source="totalAmount_gte" label="cop.orders.amount_from" />,
  <MoneyInput key="totalAmount_lte" source="totalAmount_lte" label="cop.orders.amount_to" />,
];

/** 筛选 and 导出 (Excel of the orders the list shows, under its filters and sort). */
const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportListButton filename="cop.orders.export_filename" testId="orders-export" />
  </TopToolbar>
);

interface ListProps {
  side: OrderSide;
  /** The supplier's lists are one per channel; the seller's lists every channel. */
  channel?: OrderChannel;
}

const OrderListView = ({ side, channel, enterpriseId }: ListProps & { enterpriseId: number | undefined }) => {
  const sellers = useSellerChoices(side === 'supplier' ? enterpriseId : undefined);
  const own = enterpriseId ? (side === 'seller' ? { sellerId: enterpriseId } : { supplierId: enterpriseId }) : {};
  return (
    <List
      filter={{ ...own, ...(channel ? { channel } : {}) }}
      filters={side === 'seller' ? sellerFilters() : supplierFilters(side === 'supplier' ? sellers : null)}
      actions={<ListActions />}
      exporter={false}
      empty={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <DataTable bulkActionButtons={false} rowClick="show" data-testid="orders-list">
        <DataTable.Col source="number" />
        {side === 'seller' ? (
          <DataTable.Col source="channel" disableSort>
            <EnumChip source="channel" namespace="order_channel" />
          </DataTable.Col>
        ) : null}
        {side === 'seller' ? (
          <DataTable.Col source="supplierName" disableSort />
        ) : (
          <DataTable.Col source="sellerName" disableSort />
        )}
        <DataTable.Col source="customerName" disableSort>
          <CustomerField />
        </DataTable.Col>
        <DataTable.Col source="totalAmount" align="right">
          <MoneyField source="totalAmount" />
        </DataTable.Col>
        <DataTable.Col source="paymentMode" disableSort>
          <EnumChip source="paymentMode" namespace="payment_mode" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <OrderStatusChip />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col>
          <ShowButton />
          {side === 'seller' ? <PayButton /> : null}
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

/**
 * 我的订单 (seller: its orders of every channel, filtered by status, channel, dates, keyword) or
 * 个人客户 / 政府企业客户 / 员工内购订单 (supplier: one channel, also by seller and amount).
 */
export const OrderList = ({ side, channel }: ListProps) => (
  <WithOwnEnterprise>
    {(enterpriseId) => <OrderListView side={side} channel={channel} enterpriseId={enterpriseId} />}
  </WithOwnEnterprise>
);
