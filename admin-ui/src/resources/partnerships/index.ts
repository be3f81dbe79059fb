import HandshakeIcon from '@mui/icons-material/Handshake';
import { PartnershipList } from './PartnershipList';
import { PartnershipCreate } from './PartnershipCreate';
import { PartnershipShow } from './PartnershipShow';

/** /partnerships — 供销关系信息管理 (supplier side). */
export default {
  list: PartnershipList,
  create: PartnershipCreate,
  show: PartnershipShow,
  icon: HandshakeIcon,
  recordRepresentation: (record: { sellerName?: string }) => record.sellerName ?? '',
};
