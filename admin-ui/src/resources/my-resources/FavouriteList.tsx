import StarIcon from '@mui/icons-material/Star';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Button,
  DataTable,
  DeleteButton,
  List,
  useNavigate,
  useRecordContext,
} from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { resourceStatusColors, type FavouriteRecord } from '../collaboration/types';
import { ResourceTabs } from './ResourceTabs';

export const favouriteDetailPath = (record: Pick<FavouriteRecord, 'resourceId'>) =>
  `/all-resources/${encodeURIComponent(String(record.resourceId))}/show`;

/** 查看: the resource's page in 全部资源. */
const OpenButton = () => {
  const record = useRecordContext<FavouriteRecord>();
  const navigate = useNavigate();
  if (!record) return null;
  return (
    <Button
      label="ra.action.show"
      onClick={(event) => {
        event.stopPropagation();
        navigate(favouriteDetailPath(record));
      }}
    >
      <VisibilityIcon />
    </Button>
  );
};

/**
 * 我的收藏 (server resource resource-favourites): my bookmarks, each opening the resource in 全部资源
 * (the server filters them by resourceId only: no filter bar; 全部资源 has the "只看收藏" filter).
 */
export const FavouriteList = () => (
  <>
    <ResourceTabs value="favourites" />
    <List actions={false} exporter={false} empty={false} sort={{ field: 'createdAt', order: 'DESC' }} title="cop.resources.tab_favourites">
      <DataTable
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => favouriteDetailPath(record as FavouriteRecord)}
        data-testid="favourites-list"
      >
        <DataTable.Col source="title" disableSort>
          <TitleText />
        </DataTable.Col>
        <DataTable.Col source="type" disableSort>
          <EnumChip source="type" namespace="resource_type" />
        </DataTable.Col>
        <DataTable.Col source="region" disableSort />
        <DataTable.Col source="ownerName" disableSort />
        <DataTable.Col source="status" disableSort>
          <EnumChip source="status" namespace="resource_status" colors={resourceStatusColors} />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col>
          <OpenButton />
          <DeleteButton
            label="cop.resources.unfavourite"
            confirmTitle="cop.resources.unfavourite_title"
            confirmContent="cop.resources.unfavourite_content"
            mutationMode="pessimistic"
            redirect={false}
            data-testid="favourite-delete"
          />
        </DataTable.Col>
      </DataTable>
    </List>
  </>
);

const TitleText = () => {
  const record = useRecordContext<FavouriteRecord>();
  return (
    <span>
      <StarIcon fontSize="inherit" color="warning" sx={{ mr: 0.5, verticalAlign: 'middle' }} />
      {record?.title ?? `#${record?.resourceId ?? ''}`}
    </span>
  );
};
