import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../../common/lazyPage';

const AccountList = lazyPage(() => import('./AccountList').then((m) => m.AccountList));
const AccountCreate = lazyPage(() => import('./AccountCreate').then((m) => m.AccountCreate));
const AccountEdit = lazyPage(() => import('./AccountEdit').then((m) => m.AccountEdit));

export default {
  list: AccountList,
  create: AccountCreate,
  edit: AccountEdit,
  icon: PeopleIcon,
  recordRepresentation: (record: { displayName?: string; username?: string }) =>
    record.displayName || record.username || '',
};
