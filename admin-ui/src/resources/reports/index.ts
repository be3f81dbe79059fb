import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazyPage } from '../../common/lazyPage';

const ReportsPage = lazyPage(() => import('./ReportsPage').then((m) => m.ReportsPage));

/**
 * /reports — 报表管理 (both sides, reports.read): a page of its own registered as a resource with a
 * custom list (as 我的交流), so the menu, the recent tabs and the access map treat it as any page.
 */
export default {
  list: ReportsPage,
  icon: AssessmentIcon,
};
