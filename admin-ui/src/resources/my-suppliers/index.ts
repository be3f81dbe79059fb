import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazyPage } from '../../common/lazyPage';

const MySupplierList = lazyPage(() => import('./MySupplierList').then((m) => m.MySupplierList));

/** /my-suppliers — 我的供货方 (seller side, read only; server resource `partnerships`). */
export default {
  list: MySupplierList,
  icon: StorefrontIcon,
  recordRepresentation: (record: { supplierName?: string }) => record.supplierName ?? '',
};
