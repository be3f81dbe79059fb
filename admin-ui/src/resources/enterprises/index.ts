import BusinessIcon from '@mui/icons-material/Business';
import { EnterpriseRedirect } from './EnterpriseRedirect';
import { lazyPage } from '../../common/lazyPage';

const EnterpriseShow = lazyPage(() => import('./EnterpriseShow').then((m) => m.EnterpriseShow));
const EnterpriseEdit = lazyPage(() => import('./EnterpriseEdit').then((m) => m.EnterpriseEdit));

export default {
  list: EnterpriseRedirect,
  show: EnterpriseShow,
  edit: EnterpriseEdit,
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
