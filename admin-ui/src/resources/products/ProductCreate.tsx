import { Create } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { ProductForm } from './ProductForm';
import { COMMON_WRITABLE, COMBO_WRITABLE, CATEGORY_WRITABLE, productBody, type ProductPage } from './types';

const defaultsFor = (page: ProductPage): Record<string, unknown> => {
  const common = { fulfilmentMode: page === 'retail' ? 'courier' : 'code', stockMode: 'none' };
  switch (page) {
    case 'combo':
      return { ...common, comboItems: [{ quantity: 1 }] };
    case 'ticket':
      return { ...common, ticketType: 'adult' };
    case 'retail':
      return { ...common, shippingRequired: true };
    default:
      return common;
  }
};

/** New products start unlisted; a combo gets its category from its main product (server side). */
export const ProductCreate = ({ page }: { page: ProductPage }) => {
  const fields = page === 'combo' ? [...COMMON_WRITABLE, ...COMBO_WRITABLE] : [...COMMON_WRITABLE, ...CATEGORY_WRITABLE[page]];
  const onError = useServerErrorNotifier(fields);
  return (
    <Create
      redirect="list"
      mutationOptions={{ onError }}
      transform={(data) => ({
        ...productBody(data, fields),
        ...(page === 'combo' ? { isCombo: true } : { category: page, isCombo: false }),
      })}
    >
      <ProductForm kind={page} defaultValues={defaultsFor(page)} />
    </Create>
  );
};
