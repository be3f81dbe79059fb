import { Alert, Stack } from '@mui/material';
import { Labeled, ListButton, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumChip } from '../shared';
import type { ProductRecord } from '../products/types';
import { productStatusColors } from '../products/types';
import { DailyStockCalendar, TotalStock } from './StockCalendar';

const ShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

const StockOfProduct = () => {
  const translate = useTranslate();
  const record = useRecordContext<ProductRecord>();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={4}>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Labeled source="category">
          <EnumChip source="category" namespace="product_category" />
        </Labeled>
        <Labeled source="stockMode">
          <EnumChip source="stockMode" namespace="stock_mode" />
        </Labeled>
        <Labeled source="status">
          <EnumChip source="status" namespace="product_status" colors={productStatusColors} />
        </Labeled>
      </Stack>
      {record.stockMode === 'daily' ? (
        <DailyStockCalendar productId={record.id} />
      ) : record.stockMode === 'total' ? (
        <TotalStock productId={record.id} />
      ) : (
        <Alert severity="info">{translate('cop.stock.not_managed')}</Alert>
      )}
    </Stack>
  );
};

/** The stock of one product: its month calendar (daily stock) or its single counter (total stock). */
export const StockShow = () => (
  <Show actions={<ShowActions />}>
    <StockOfProduct />
  </Show>
);
