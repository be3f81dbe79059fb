import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { lazyPage } from '../../common/lazyPage';

const StockList = lazyPage(() => import('./StockList').then((m) => m.StockList));
const StockShow = lazyPage(() => import('./StockShow').then((m) => m.StockShow));

/** /stock — 库存管理 (server resource `products` for the list, `stock-days` for the calendar). */
export default {
  list: StockList,
  show: StockShow,
  icon: CalendarMonthIcon,
  recordRepresentation: 'name',
};
