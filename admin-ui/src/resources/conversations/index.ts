import ForumIcon from '@mui/icons-material/Forum';
import { ConversationList, ConversationShow } from './ConversationsPage';

/** /conversations — 我的交流: threads and the open thread side by side. */
export default {
  list: ConversationList,
  show: ConversationShow,
  icon: ForumIcon,
  recordRepresentation: 'counterpartName',
};
