import PeopleIcon from '@mui/icons-material/People';
import { AccountList } from './AccountList';
import { AccountCreate } from './AccountCreate';
import { AccountEdit } from './AccountEdit';

export default {
  list: AccountList,
  create: AccountCreate,
  edit: AccountEdit,
  icon: PeopleIcon,
  recordRepresentation: (record: { displayName?: string; username?: string }) =>
    record.displayName || record.username || '',
};
