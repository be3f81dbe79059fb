import { Alert } from '@mui/material';
import { Edit, ShowButton, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumChip, useServerErrorNotifier } from '../shared';
import { ConfirmAgreementButton } from './buttons';
import { AgreementForm } from './AgreementForm';
import { AGREEMENT_WRITABLE, agreementBody, agreementStatusColors, type AgreementRecord } from './types';

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
    <ConfirmAgreementButton />
  </TopToolbar>
);

/** Only drafts can be changed (PUT is refused afterwards). */
const DraftOnlyForm = () => {
  const translate = useTranslate();
  const record = useRecordContext<AgreementRecord>();
  if (!record) return null;
  if (record.status !== 'draft') {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="agreement-not-draft" action={<EnumChip source="status" namespace="agreement_status" colors={agreementStatusColors} />}>
        {translate('cop.agreements.not_draft')}
      </Alert>
    );
  }
  return <AgreementForm />;
};

export const AgreementEdit = () => {
  const onError = useServerErrorNotifier([...AGREEMENT_WRITABLE, 'attachmentIds']);
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      actions={<EditActions />}
      mutationOptions={{ onError }}
      transform={(data: Record<string, unknown>) => agreementBody(data, AGREEMENT_WRITABLE)}
    >
      <DraftOnlyForm />
    </Edit>
  );
};
