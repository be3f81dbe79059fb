import FolderIcon from '@mui/icons-material/Folder';
import StarIcon from '@mui/icons-material/Star';
import { ResourceList } from './ResourceList';
import { ResourceCreate } from './ResourceCreate';
import { ResourceEdit } from './ResourceEdit';
import { ResourceShow } from './ResourceShow';
import { FavouriteList } from './FavouriteList';

/** /resources — 我的资源 (server resource `resources`): my enterprise's resources. */
export default {
  list: ResourceList,
  create: ResourceCreate,
  edit: ResourceEdit,
  show: ResourceShow,
  icon: FolderIcon,
  recordRepresentation: 'title',
};

/** /resources/favourites — the 我的收藏 tab (server resource `resource-favourites`). */
export const favourites = {
  list: FavouriteList,
  icon: StarIcon,
  recordRepresentation: 'title',
};
