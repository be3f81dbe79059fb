import BadgeIcon from '@mui/icons-material/Badge';
import { EmployeeList } from './EmployeeList';
import { EmployeeCreate } from './EmployeeCreate';
import { EmployeeEdit } from './EmployeeEdit';

export default {
  list: EmployeeList,
  create: EmployeeCreate,
  edit: EmployeeEdit,
  icon: BadgeIcon,
  recordRepresentation: (record: { name?: string; employeeNo?: string }) =>
    [record.employeeNo, record.name].filter(Boolean).join(' '),
};
