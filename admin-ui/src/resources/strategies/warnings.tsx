import { useDataProvider } from 'react-admin';
import { warnings } from '@cop/config';
import { WarnBeforeSaveToolbar, useSayWarnings } from '../WarnBeforeSave';

/** Save of a strategy, asking first when a line's settlement price is above its sale price (the seller loses on each sale). */
export const StrategySaveToolbar = () => {
  const dataProvider = useDataProvider();
  const say = useSayWarnings();
  return (
    <WarnBeforeSaveToolbar
      warnings={async (values) => {
        const lines = Array.isArray(values.lines) ? values.lines : [];
        if (!warnings.settlementPrices(lines).length) return [];
        const ids = [...new Set(lines.map((line: { productId?: unknown }) => line?.productId).filter((id: unknown) => id != null))];
        const { data } = await dataProvider.getMany('products', { ids });
        const names = new Map(data.map((product) => [product.id, String(product.name)]));
        return say(warnings.settlementPrices(lines, (id) => names.get(id as number) ?? `#${id}`));
      }}
    />
  );
};
