import { Box } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField, DayField, EnumChip } from '../shared';
import { AttachmentLinks } from './attachments';
import { ConfirmAgreementButton, DeleteDraftButton, EditDraftButton, TerminateAgreementButton } from './buttons';
import { agreementStatusColors, type AgreementRecord } from './types';

const ShowActions = () => (
  <TopToolbar>
    <EditDraftButton />
    <ConfirmAgreementButton />
    <TerminateAgreementButton />
    <DeleteDraftButton />
  </TopToolbar>
);

const Terms = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AgreementRecord>();
  return (
    <Box sx={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }} data-testid="agreement-terms">
      {record?.terms || '-'}
    </Box>
  );
};

/** Termination details only once terminated. */
const Termination = () => {
  const record = useRecordContext<AgreementRecord>();
  if (record?.status !== 'terminated') return null;
  return (
    <Box sx={{ display: 'flex', gap: 4 }}>
      <Labeled source="terminatedAt">
        <DateTimeField source="terminatedAt" />
      </Labeled>
      <Labeled source="terminationReason">
        <TextField source="terminationReason" emptyText="-" />
      </Labeled>
    </Box>
  );
};

/** One agreement with its attachments (both sides; the buttons need agreements.write). */
export const AgreementShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="number" />
      <TextField source="title" />
      <TextField source="supplierName" />
      <TextField source="sellerName" />
      <EnumChip source="status" namespace="agreement_status" colors={agreementStatusColors} />
      <DayField source="validFrom" />
      <DayField source="validTo" />
      <Terms source="terms" />
      <AttachmentLinks source="attachments" />
      <DateTimeField source="confirmedAt" />
      <Termination />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
