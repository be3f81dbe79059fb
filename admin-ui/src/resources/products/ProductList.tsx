import {
  CreateButton,
  DataTable,
  EditButton,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField, EnumChip, MoneyField } from '../shared';
import { Thumbnail } from '../collaboration/files';
import { ListingButtons } from './buttons';
import { productStatusChoices, productStatusColors, stockModeChoices, type ProductPage } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={productStatusChoices} alwaysOn />,
  <SelectInput key="stockMode" source="stockMode" choices={stockModeChoices} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** The column that tells products of a category apart. */
const CategoryColumn = ({ page }: { page: ProductPage }) => {
  switch (page) {
    case 'ticket':
      return <DataTable.Col source="scenicSpot" disableSort />;
    case 'catering':
      return <DataTable.Col source="venue" disableSort />;
    case 'retail':
      return <DataTable.Col source="sku" disableSort />;
    case 'coupon':
      return (
        <DataTable.Col source="faceValue" disableSort align="right">
          <MoneyField source="faceValue" />
        </DataTable.Col>
      );
    default:
      return (
        <DataTable.Col source="category" disableSort>
          <EnumChip source="category" namespace="product_category" />
        </DataTable.Col>
      );
  }
};

/** One list per category (combos excluded), or the combos. */
export const ProductList = ({ page }: { page: ProductPage }) => (
  <List
    filter={page === 'combo' ? { isCombo: true } : { category: page, isCombo: false }}
    filters={filters}
    actions={<ListActions />}
    exporter={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="pictureFiles" disableSort>
        <Thumbnail source="pictureFiles" verb="picture" />
      </DataTable.Col>
      <DataTable.Col source="name">
        <TextField source="name" />
      </DataTable.Col>
      {CategoryColumn({ page })}
      <DataTable.Col source="referencePrice" align="right">
        <MoneyField source="referencePrice" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumChip source="status" namespace="product_status" colors={productStatusColors} />
      </DataTable.Col>
      <DataTable.Col source="stockMode" disableSort>
        <EnumChip source="stockMode" namespace="stock_mode" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col>
        <EditButton />
        <ListingButtons />
      </DataTable.Col>
    </DataTable>
  </List>
);
