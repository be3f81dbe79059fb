import { createElement } from 'react';
import DescriptionIcon from '@mui/icons-material/Description';
import { lazyPage } from '../../common/lazyPage';

const AgreementList = lazyPage(() => import('./AgreementList').then((m) => m.AgreementList));
const AgreementCreate = lazyPage(() => import('./AgreementCreate').then((m) => m.AgreementCreate));
const AgreementEdit = lazyPage(() => import('./AgreementEdit').then((m) => m.AgreementEdit));
const AgreementShow = lazyPage(() => import('./AgreementShow').then((m) => m.AgreementShow));

export const agreementRepresentation = (record: { number?: string; title?: string }) =>
  [record.number, record.title].filter(Boolean).join(' ');

/** /agreements — 供货方协议列表 (supplier side). */
export default {
  list: () => createElement(AgreementList, { side: 'supplier' }),
  create: AgreementCreate,
  edit: AgreementEdit,
  show: AgreementShow,
  icon: DescriptionIcon,
  recordRepresentation: agreementRepresentation,
};
