import PublicIcon from '@mui/icons-material/Public';
import { AllResourceList } from './AllResourceList';
import { AllResourceShow } from './AllResourceShow';

/** /all-resources — 全部资源 (read only). */
export default {
  list: AllResourceList,
  show: AllResourceShow,
  icon: PublicIcon,
  recordRepresentation: 'title',
};
