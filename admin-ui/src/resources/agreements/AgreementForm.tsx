import { Box } from '@mui/material';
import { DateInput, SimpleForm, TextInput, maxLength, required, type SimpleFormProps } from 'react-admin';
import { notBefore, SaveOnlyToolbar } from '../shared';
import { PartnerSellerInput } from '../partnerships/PartnerSellerInput';
import { AttachmentsInput } from './attachments';

interface AgreementFormProps extends Omit<SimpleFormProps, 'children'> {
  /** The seller and the number are chosen on create only. */
  isCreate?: boolean;
}

export const AgreementForm = ({ isCreate, ...props }: AgreementFormProps) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} {...props}>
    {isCreate ? (
      <PartnerSellerInput source="sellerId" validate={required()} />
    ) : (
      <TextInput source="sellerName" readOnly />
    )}
    <TextInput source="number" validate={[required(), maxLength(50)]} readOnly={!isCreate} />
    <TextInput source="title" validate={[required(), maxLength(100)]} sx={{ minWidth: 360 }} />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={[required(), notBefore('validFrom')]} />
    </Box>
    <TextInput source="terms" multiline fullWidth minRows={8} validate={maxLength(20000)} />
    <AttachmentsInput />
  </SimpleForm>
);
