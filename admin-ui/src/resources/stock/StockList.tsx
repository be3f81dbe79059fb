import { DataTable, List, SearchInput, SelectInput, ShowButton } from 'react-admin';
import { EnumChip, enumChoices } from '../shared';
import { categoryChoices, productStatusColors } from '../products/types';

/** Only the stock-keeping modes (the list is fixed to stockMode ≠ none). */
const managedStockModes = enumChoices('stock_mode', ['total', 'daily']);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
  <SelectInput key="stockMode" source="stockMode" choices={managedStockModes} />,
];

const OpenCalendarButton = () => <ShowButton label="cop.stock.open_calendar" />;

/** 库存管理: the products that keep stock; a row opens its calendar. */
export const StockList = () => (
    <List
      filter={{ stockMode_neq: 'none' }}
      filters={filters}
      exporter={false}
      actions={false}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="id" />
        <DataTable.Col source="name" />
        <DataTable.Col source="category" disableSort>
          <EnumChip source="category" namespace="product_category" />
        </DataTable.Col>
        <DataTable.Col source="stockMode" disableSort>
          <EnumChip source="stockMode" namespace="stock_mode" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumChip source="status" namespace="product_status" colors={productStatusColors} />
        </DataTable.Col>
        <DataTable.Col>
          <OpenCalendarButton />
        </DataTable.Col>
      </DataTable>
    </List>
);
