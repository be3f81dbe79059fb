import PublicIcon from '@mui/icons-material/Public';
import { lazyPage } from '../../common/lazyPage';

const AllResourceList = lazyPage(() => import('./AllResourceList').then((m) => m.AllResourceList));
const AllResourceShow = lazyPage(() => import('./AllResourceShow').then((m) => m.AllResourceShow));

/** /all-resources — 全部资源 (read only). */
export default {
  list: AllResourceList,
  show: AllResourceShow,
  icon: PublicIcon,
  recordRepresentation: 'title',
};
