import { createElement } from 'react';
import DescriptionIcon from '@mui/icons-material/Description';
import { AgreementList } from './AgreementList';
import { AgreementCreate } from './AgreementCreate';
import { AgreementEdit } from './AgreementEdit';
import { AgreementShow } from './AgreementShow';

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
