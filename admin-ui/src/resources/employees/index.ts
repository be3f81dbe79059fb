import BadgeIcon from '@mui/icons-material/Badge';
import { lazyPage } from '../../common/lazyPage';

const EmployeeList = lazyPage(() => import('./EmployeeList').then((m) => m.EmployeeList));
const EmployeeCreate = lazyPage(() => import('./EmployeeCreate').then((m) => m.EmployeeCreate));
const EmployeeEdit = lazyPage(() => import('./EmployeeEdit').then((m) => m.EmployeeEdit));

export default {
  list: EmployeeList,
  create: EmployeeCreate,
  edit: EmployeeEdit,
  icon: BadgeIcon,
  recordRepresentation: (record: { name?: string; employeeNo?: string }) =>
    [record.employeeNo, record.name].filter(Boolean).join(' '),
};
