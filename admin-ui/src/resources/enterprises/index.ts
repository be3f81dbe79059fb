import BusinessIcon from '@mui/icons-material/Business';
import { EnterpriseRedirect } from './EnterpriseRedirect';
import { EnterpriseShow } from './EnterpriseShow';
import { EnterpriseEdit } from './EnterpriseEdit';

export default {
  list: EnterpriseRedirect,
  show: EnterpriseShow,
  edit: EnterpriseEdit,
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
