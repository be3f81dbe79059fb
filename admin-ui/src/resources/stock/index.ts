import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { StockList } from './StockList';
import { StockShow } from './StockShow';

/** /stock — 库存管理 (server resource `products` for the list, `stock-days` for the calendar). */
export default {
  list: StockList,
  show: StockShow,
  icon: CalendarMonthIcon,
  recordRepresentation: 'name',
};
