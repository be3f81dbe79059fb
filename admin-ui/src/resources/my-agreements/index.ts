import DescriptionIcon from '@mui/icons-material/Description';
import { AgreementShow } from '../agreements/AgreementShow';
import { agreementRepresentation } from '../agreements';
import { lazyPage } from '../../common/lazyPage';

const MyAgreementList = lazyPage(() => import('./MyAgreementList').then((m) => m.MyAgreementList));

/** /my-agreements — 销售方协议列表 (seller side, read only; server resource `agreements`). */
export default {
  list: MyAgreementList,
  show: AgreementShow,
  icon: DescriptionIcon,
  recordRepresentation: agreementRepresentation,
};
