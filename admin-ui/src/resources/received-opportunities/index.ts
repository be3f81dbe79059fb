import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { lazyPage } from '../../common/lazyPage';

const ReceivedOpportunityList = lazyPage(() => import('./ReceivedOpportunityList').then((m) => m.ReceivedOpportunityList));
const ReceivedOpportunityShow = lazyPage(() => import('./ReceivedOpportunityShow').then((m) => m.ReceivedOpportunityShow));

/** /received-opportunities — 接收商机 (read only, with 响应 / 撤回). */
export default {
  list: ReceivedOpportunityList,
  show: ReceivedOpportunityShow,
  icon: MoveToInboxIcon,
  recordRepresentation: 'title',
};
