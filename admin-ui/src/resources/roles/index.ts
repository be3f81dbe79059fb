import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import { lazyPage } from '../../common/lazyPage';

const RoleList = lazyPage(() => import('./RoleList').then((m) => m.RoleList));
const RoleCreate = lazyPage(() => import('./RoleCreate').then((m) => m.RoleCreate));
const RoleEdit = lazyPage(() => import('./RoleEdit').then((m) => m.RoleEdit));

export default {
  list: RoleList,
  create: RoleCreate,
  edit: RoleEdit,
  icon: AdminPanelSettingsIcon,
  recordRepresentation: 'name',
};
