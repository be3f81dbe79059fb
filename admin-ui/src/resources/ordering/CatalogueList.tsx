import { useMemo, useState } from 'react';
import { Box, Card, CardActionArea, CardContent, Drawer, Stack, Typography } from '@mui/material';
import {
  List,
  Loading,
  Pagination,
  SearchInput,
  SelectInput,
  useGetList,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { canAccessWith } from '../../auth/access';
import type { CopPermissions } from '../../auth/session';
import { formatFen, useOwnEnterpriseId } from '../shared';
import { categoryChoices } from '../products/types';
import { lowestPrice } from '../orders/logic';
import { orderingPage, type CatalogueRecord, type SellerChannel } from '../orders/types';
import { CategoryChips, ProductPanel } from './ProductPanel';
import { AuthImage, NoPicture } from '../collaboration/files';

/** Enough suppliers for one seller in a single request. */
const SUPPLIERS_PER_PAGE = 500;
/** Without partnerships.read the suppliers are read from the catalogue itself (its first products). */
const CATALOGUE_SAMPLE = 200;

/**
 * The 供货方 filter's choices: the seller's active suppliers (我的供货方) when the user may read them,
 * else the suppliers of the products in this channel's catalogue.
 */
function useSupplierChoices(channel: SellerChannel) {
  const { permissions, isPending } = usePermissions<CopPermissions>();
  const { enterpriseId } = useOwnEnterpriseId();
  const viaPartners = canAccessWith(permissions, 'my-suppliers', 'list');
  const partners = useGetList<{ id: number; supplierId: number; supplierName?: string | null }>(
    'my-suppliers',
    {
      filter: { status: 'active', ...(enterpriseId ? { sellerId: enterpriseId } : {}) },
      pagination: { page: 1, perPage: SUPPLIERS_PER_PAGE },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: !isPending && viaPartners && !!enterpriseId },
  );
  const sample = useGetList<CatalogueRecord>(
    orderingPage(channel),
    { filter: { channel }, pagination: { page: 1, perPage: CATALOGUE_SAMPLE }, sort: { field: 'name', order: 'ASC' } },
    { enabled: !isPending && !viaPartners },
  );
  return useMemo(() => {
    const seen = new Map<number, string>();
    if (viaPartners) for (const p of partners.data ?? []) seen.set(p.supplierId, p.supplierName ?? `#${p.supplierId}`);
    else for (const product of sample.data ?? []) seen.set(product.supplierId, product.supplierName ?? `#${product.supplierId}`);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [viaPartners, partners.data, sample.data]);
}

const comboChoices = [
  { id: 'true', name: 'cop.ordering.combo_yes' },
  { id: 'false', name: 'cop.ordering.combo_no' },
];

const filtersFor = (suppliers: { id: number; name: string }[]) => [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="supplierId"
    source="supplierId"
    choices={suppliers}
    translateChoice={false}
    alwaysOn
    sx={{ minWidth: 200 }}
  />,
  <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
  <SelectInput key="isCombo" source="isCombo" choices={comboChoices} alwaysOn />,
];

/** A product card: name, supplier, category, description and the lowest price of this channel. */
const ProductCard = ({ product, channel, onOpen }: { product: CatalogueRecord; channel: SellerChannel; onOpen: () => void }) => {
  const translate = useTranslate();
  const price = lowestPrice(product, channel);
  const picture = product.pictureFiles?.[0];
  return (
    <Card variant="outlined" data-testid={`catalogue-card-${product.id}`} sx={{ display: 'flex' }}>
      <CardActionArea onClick={onOpen} sx={{ display: 'flex', alignItems: 'stretch' }}>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, width: '100%' }}>
          <Stack direction="row" spacing={1.5}>
            {picture ? (
              <AuthImage source={{ resource: orderingPage(channel), recordId: product.id, verb: 'picture' }} file={picture} size={72} />
            ) : (
              <NoPicture size={72} />
            )}
            <Stack spacing={0.5} sx={{ minWidth: 0 }}>
              <CategoryChips product={product} />
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                {product.name}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {product.supplierName ?? ''}
              </Typography>
            </Stack>
          </Stack>
          <Typography
            variant="body2"
            sx={{ flex: 1, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical' }}
          >
            {product.description || translate('cop.ordering.no_description')}
          </Typography>
          <Typography
            variant="h6"
            color="error.main"
            data-testid={`catalogue-price-${product.id}`}
            data-money-fen={price ?? undefined}
          >
            {price === null
              ? translate('cop.ordering.no_offer_short')
              : translate('cop.ordering.from_price', { price: formatFen(price) })}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

const ProductGrid = ({ channel, onOpen }: { channel: SellerChannel; onOpen: (product: CatalogueRecord) => void }) => {
  const translate = useTranslate();
  const { data, isPending } = useListContext<CatalogueRecord>();
  if (isPending) return <Loading />;
  if (!data?.length) {
    return (
      <Typography color="text.secondary" sx={{ p: 4, textAlign: 'center' }} data-testid="catalogue-empty">
        {translate('cop.ordering.no_products')}
      </Typography>
    );
  }
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2, p: 2 }}
      data-testid="catalogue-grid"
    >
      {data.map((product) => (
        <ProductCard key={product.id} product={product} channel={channel} onOpen={() => onOpen(product)} />
      ))}
    </Box>
  );
};

/**
 * 代理个人客户下单 / 代理政府企业客户下单: the products the seller may order today in this channel,
 * filtered by supplier, category, combo and keyword; a card opens the product in a drawer.
 */
export const CatalogueList = ({ channel }: { channel: SellerChannel }) => {
  const suppliers = useSupplierChoices(channel);
  const [selected, setSelected] = useState<CatalogueRecord | null>(null);
  return (
    <>
      <List
        filter={{ channel }}
        filters={filtersFor(suppliers)}
        actions={false}
        exporter={false}
        empty={false}
        perPage={24}
        pagination={<Pagination rowsPerPageOptions={[12, 24, 48]} />}
        sort={{ field: 'name', order: 'ASC' }}
      >
        <ProductGrid channel={channel} onOpen={setSelected} />
      </List>
      <Drawer anchor="right" open={!!selected} onClose={() => setSelected(null)}>
        {selected ? (
          <ProductPanel key={selected.id} product={selected} channel={channel} onClose={() => setSelected(null)} />
        ) : null}
      </Drawer>
    </>
  );
};
