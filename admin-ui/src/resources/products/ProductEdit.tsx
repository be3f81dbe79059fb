import { Alert } from '@mui/material';
import { Edit, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { ListingButtons } from './buttons';
import { ProductForm } from './ProductForm';
import { productBody, productWritable, type ProductPage, type ProductRecord } from './types';

const EditActions = () => (
  <TopToolbar>
    <ListingButtons />
  </TopToolbar>
);

/** The form of the record's own kind (a link may open a product of another category). */
const EditForm = ({ page }: { page: ProductPage }) => {
  const translate = useTranslate();
  const record = useRecordContext<ProductRecord>();
  if (!record) return null;
  const kind: ProductPage = record.isCombo ? 'combo' : record.category;
  return (
    <>
      {kind !== page ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('cop.products.other_page', { kind: translate(`cop.product_page.${kind}`) })}
        </Alert>
      ) : null}
      <ProductForm kind={kind} showFacts />
    </>
  );
};

export const ProductEdit = ({ page }: { page: ProductPage }) => {
  const onError = useServerErrorNotifier([...productWritable({ category: page, isCombo: page === 'combo' })]);
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={<EditActions />}
      mutationOptions={{ onError }}
      transform={(data: Record<string, unknown>) => productBody(data, productWritable(data))}
    >
      <EditForm page={page} />
    </Edit>
  );
};
