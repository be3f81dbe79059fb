import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyPage } from '../../common/lazyPage';

const PartnershipList = lazyPage(() => import('./PartnershipList').then((m) => m.PartnershipList));
const PartnershipCreate = lazyPage(() => import('./PartnershipCreate').then((m) => m.PartnershipCreate));
const PartnershipShow = lazyPage(() => import('./PartnershipShow').then((m) => m.PartnershipShow));

/** /partnerships — 供销关系信息管理 (supplier side). */
export default {
  list: PartnershipList,
  create: PartnershipCreate,
  show: PartnershipShow,
  icon: HandshakeIcon,
  recordRepresentation: (record: { sellerName?: string }) => record.sellerName ?? '',
};
