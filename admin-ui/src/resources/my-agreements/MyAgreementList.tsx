import { AgreementList } from '../agreements/AgreementList';

/** 销售方协议列表: the agreements this enterprise signed as seller (read only, never drafts). */
export const MyAgreementList = () => <AgreementList side="seller" />;
