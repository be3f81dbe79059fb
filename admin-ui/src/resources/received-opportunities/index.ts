import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { ReceivedOpportunityList } from './ReceivedOpportunityList';
import { ReceivedOpportunityShow } from './ReceivedOpportunityShow';

/** /received-opportunities — 接收商机 (read only, with 响应 / 撤回). */
export default {
  list: ReceivedOpportunityList,
  show: ReceivedOpportunityShow,
  icon: MoveToInboxIcon,
  recordRepresentation: 'title',
};
