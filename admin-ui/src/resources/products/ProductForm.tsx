import { useMemo, type ComponentType } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  Labeled,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  minValue,
  required,
  useGetMany,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Box } from '@mui/material';
import { EnumChip, MoneyInput, integer, notBefore } from '../shared';
import { FilesInput } from '../collaboration/files';
import { ProductSaveToolbar } from './warnings';
import {
  fulfilmentModeChoices,
  mealPeriodChoices,
  MAX_PRODUCT_PICTURES,
  productStatusColors,
  stockModeChoices,
  ticketTypeChoices,
  type ComboItem,
  type ProductCategory,
  type ProductPage,
} from './types';

const CommonFields = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ minWidth: 360 }} />
    <TextInput source="description" multiline fullWidth minRows={3} validate={maxLength(5000)} />
    <FilesInput
      source="pictureFiles"
      label="resources.products.fields.pictures"
      images
      max={MAX_PRODUCT_PICTURES}
      testId="product-pictures"
    />
    <MoneyInput source="referencePrice" validate={minValue(0)} />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <SelectInput source="fulfilmentMode" choices={fulfilmentModeChoices} validate={required()} />
      <SelectInput source="stockMode" choices={stockModeChoices} validate={required()} />
    </Box>
  </>
);

const TicketFields = () => (
  <>
    <TextInput source="scenicSpot" validate={required()} sx={{ minWidth: 360 }} />
    <SelectInput source="ticketType" choices={ticketTypeChoices} />
    <TextInput source="entryRule" multiline fullWidth validate={maxLength(200)} />
  </>
);

const CateringFields = () => (
  <>
    <TextInput source="venue" validate={required()} sx={{ minWidth: 360 }} />
    <SelectInput source="mealPeriod" choices={mealPeriodChoices} />
  </>
);

const RetailFields = () => (
  <>
    <TextInput source="sku" validate={required()} />
    <TextInput source="spec" validate={maxLength(100)} sx={{ minWidth: 360 }} />
    <BooleanInput source="shippingRequired" />
  </>
);

const CouponFields = () => (
  <>
    <MoneyInput source="faceValue" validate={[required(), minValue(0)]} />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <DateInput source="couponValidFrom" validate={required()} />
      <DateInput source="couponValidTo" validate={[required(), notBefore('couponValidFrom')]} />
    </Box>
    <TextInput source="usageRules" multiline fullWidth minRows={3} />
  </>
);

const CATEGORY_FIELDS: Record<ProductCategory, ComponentType> = {
  ticket: TicketFields,
  catering: CateringFields,
  retail: RetailFields,
  coupon: CouponFields,
};

/** The main product of a combo: one of its items. */
const MainProductInput = () => {
  const translate = useTranslate();
  const items = (useWatch({ name: 'comboItems' }) as ComboItem[] | undefined) ?? [];
  const ids = Array.from(new Set(items.map((item) => item?.productId).filter((id) => id != null)));
  const { data } = useGetMany('products', { ids }, { enabled: ids.length > 0 });
  const choices = useMemo(() => {
    const names = new Map((data ?? []).map((product) => [product.id, product.name as string]));
    return ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` }));
  }, [data, ids.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <SelectInput
      source="mainProductId"
      choices={choices}
      validate={required()}
      helperText={translate('cop.products.main_product_help')}
      sx={{ minWidth: 320 }}
      translateChoice={false}
    />
  );
};

const ComboFields = () => (
  <>
    <ArrayInput source="comboItems" label="cop.products.combo_items" validate={required()} data-testid="combo-items">
      {/* no auto-focus on ⊕: the focused product picker opened before its choices loaded and the first click closed it again */}
      <SimpleFormIterator inline disableReordering disableAutoFocus>
        <ReferenceInput source="productId" reference="products" filter={{ isCombo: false }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" noOptionsText="ra.navigation.no_results" validate={required()} sx={{ minWidth: 280 }} />
        </ReferenceInput>
        <NumberInput source="quantity" step={1} min={1} defaultValue={1} validate={[required(), minValue(1), integer]} />
      </SimpleFormIterator>
    </ArrayInput>
    <MainProductInput />
  </>
);

/** Status and, for combos, the category the server derived from the main product (read only). */
const ReadOnlyFacts = ({ page }: { page: ProductPage }) => (
  <Box sx={{ display: 'flex', gap: 4 }}>
    <Labeled source="status">
      <EnumChip source="status" namespace="product_status" colors={productStatusColors} />
    </Labeled>
    {page === 'combo' ? (
      <Labeled source="category">
        <EnumChip source="category" namespace="product_category" />
      </Labeled>
    ) : null}
  </Box>
);

interface ProductFormProps extends Omit<SimpleFormProps, 'children'> {
  /** A category's fields, or the items of a combo. */
  kind: ProductPage;
  /** Edit shows the status (and a combo's category); create has none yet. */
  showFacts?: boolean;
}

/** The common product fields, then those of the category — or the items of a combo. */
export const ProductForm = ({ kind, showFacts, ...props }: ProductFormProps) => {
  const CategoryFields = kind === 'combo' ? ComboFields : CATEGORY_FIELDS[kind];
  return (
    <SimpleForm toolbar={<ProductSaveToolbar kind={kind} />} {...props}>
      {showFacts ? <ReadOnlyFacts page={kind} /> : null}
      <CommonFields />
      {CategoryFields ? <CategoryFields /> : null}
    </SimpleForm>
  );
};
