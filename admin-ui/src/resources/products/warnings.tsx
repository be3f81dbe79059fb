import { useDataProvider } from 'react-admin';
import { warnings as rules } from '@cop/config';
import type { CopDataProvider } from '../../dataProvider';
import { WarnBeforeSaveToolbar, useSayWarnings } from '../WarnBeforeSave';
import type { ProductPage, ProductRecord } from './types';

/** The server's warnings for a product change (it knows the sales and the combos): POST /products/:id/warnings. */
export function useServerProductWarnings() {
  const dataProvider = useDataProvider<CopDataProvider>();
  return async (id: number, change: { stockMode?: string; unlist?: boolean }) => {
    const { data } = await dataProvider.verb('products', id, 'warnings', change);
    return ((data as { warnings?: string[] }).warnings ?? []).map(String);
  };
}

/**
 * Save of the product form, asking first when a coupon's reference price exceeds its face value or the
 * stock mode of a product that has sold changes (the server says what happens to its calendar).
 */
export const ProductSaveToolbar = ({ kind }: { kind: ProductPage }) => {
  const say = useSayWarnings();
  const serverWarnings = useServerProductWarnings();
  return (
    <WarnBeforeSaveToolbar<ProductRecord>
      warnings={async (values, record) => {
        const local = say([kind === 'coupon' ? rules.couponPrice(values.referencePrice, values.faceValue) : null]);
        const switched = record?.id && !record.isCombo && values.stockMode && values.stockMode !== record.stockMode;
        return [...local, ...(switched ? await serverWarnings(record.id, { stockMode: values.stockMode }) : [])];
      }}
    />
  );
};
