import SendIcon from '@mui/icons-material/Send';
import { OpportunityList } from './OpportunityList';
import { OpportunityCreate } from './OpportunityCreate';
import { OpportunityEdit } from './OpportunityEdit';
import { OpportunityShow } from './OpportunityShow';

/** /opportunities — 发布商机 (mine), with the responses on each detail page. */
export default {
  list: OpportunityList,
  create: OpportunityCreate,
  edit: OpportunityEdit,
  show: OpportunityShow,
  icon: SendIcon,
  recordRepresentation: 'title',
};
