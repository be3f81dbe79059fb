import SendIcon from '@mui/icons-material/Send';
import { lazyPage } from '../../common/lazyPage';

const OpportunityList = lazyPage(() => import('./OpportunityList').then((m) => m.OpportunityList));
const OpportunityCreate = lazyPage(() => import('./OpportunityCreate').then((m) => m.OpportunityCreate));
const OpportunityEdit = lazyPage(() => import('./OpportunityEdit').then((m) => m.OpportunityEdit));
const OpportunityShow = lazyPage(() => import('./OpportunityShow').then((m) => m.OpportunityShow));

/** /opportunities — 发布商机 (mine), with the responses on each detail page. */
export default {
  list: OpportunityList,
  create: OpportunityCreate,
  edit: OpportunityEdit,
  show: OpportunityShow,
  icon: SendIcon,
  recordRepresentation: 'title',
};
