import FolderIcon from '@mui/icons-material/Folder';
import StarIcon from '@mui/icons-material/Star';
import { lazyPage } from '../../common/lazyPage';

const ResourceList = lazyPage(() => import('./ResourceList').then((m) => m.ResourceList));
const ResourceCreate = lazyPage(() => import('./ResourceCreate').then((m) => m.ResourceCreate));
const ResourceEdit = lazyPage(() => import('./ResourceEdit').then((m) => m.ResourceEdit));
const ResourceShow = lazyPage(() => import('./ResourceShow').then((m) => m.ResourceShow));
const FavouriteList = lazyPage(() => import('./FavouriteList').then((m) => m.FavouriteList));

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
