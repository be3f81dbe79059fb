import {
  BooleanInput,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  ShowButton,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { EnumChip } from '../shared';
import { ValidityField } from '../collaboration/fields';
import { Thumbnail } from '../collaboration/files';
import { resourceTypeChoices } from '../collaboration/types';
import { FavouriteStar } from './FavouriteToggle';
import { ContactProviderButton } from './ContactProviderButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={resourceTypeChoices} alwaysOn />,
  <TextInput key="region" source="region" alwaysOn />,
  // only `favourite=true` filters; unchecked means no filter
  <BooleanInput
    key="favourite"
    source="favourite"
    label="cop.resources.favourites_only"
    alwaysOn
    format={(value: unknown) => value === true}
    parse={(value: unknown) => (value ? true : null)}
    sx={{ mb: 1 }}
  />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** 全部资源: the listed, valid resources other enterprises show mine (read only), with 收藏 and 联系提供方. */
export const AllResourceList = () => (
  <List title="cop.resources.title_all" filters={filters} actions={<ListActions />} exporter={false} sort={{ field: 'listedAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="show" data-testid="all-resources-list">
      <DataTable.Col source="favourite" disableSort>
        <FavouriteStar />
      </DataTable.Col>
      <DataTable.Col source="pictures" disableSort>
        <Thumbnail />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="type" disableSort>
        <EnumChip source="type" namespace="resource_type" />
      </DataTable.Col>
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="ownerName" disableSort />
      <DataTable.Col source="validTo" label="cop.resources.validity">
        <ValidityField />
      </DataTable.Col>
      <DataTable.Col>
        <ShowButton />
        <ContactProviderButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
