import { Create } from 'react-admin';
import { useServerErrorNotifier } from '../shared';
import { AgreementForm } from './AgreementForm';
import { AGREEMENT_CREATE_ONLY, AGREEMENT_WRITABLE, agreementBody } from './types';

const FIELDS = [...AGREEMENT_CREATE_ONLY, ...AGREEMENT_WRITABLE];

/** A new agreement is a draft until the supplier confirms it. */
export const AgreementCreate = () => {
  const onError = useServerErrorNotifier([...FIELDS, 'attachmentIds']);
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={(data: Record<string, unknown>) => agreementBody(data, FIELDS)}>
      <AgreementForm isCreate defaultValues={{ attachments: [] }} />
    </Create>
  );
};
