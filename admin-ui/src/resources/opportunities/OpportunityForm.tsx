import { Box, Typography } from '@mui/material';
import { DateInput, SelectInput, SimpleForm, TextInput, maxLength, required, useTranslate, type SimpleFormProps } from 'react-admin';
import { MoneyInput } from '../shared';
import { AudienceInput } from '../collaboration/audience';
import { FilesInput } from '../collaboration/files';
import { MAX_ATTACHMENTS, MAX_DESCRIPTION, notBelowMin, notPastDate, opportunityKindChoices } from '../collaboration/types';

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" color="primary" sx={{ mt: 2, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};

/** Inputs side by side (react-admin inputs are full width by default). */
const row = { display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 220px', maxWidth: 360 } } as const;

/** 商机 form; the budget is typed in yuan and sent in fen (MoneyInput). */
export const OpportunityForm = ({ isCreate, ...props }: Omit<SimpleFormProps, 'children'> & { isCreate?: boolean }) => (
  <SimpleForm {...props}>
    <Section title="cop.opportunities.section_basic" />
    <TextInput source="title" validate={[required(), maxLength(100)]} />
    <Box sx={row}>
      <SelectInput source="kind" choices={opportunityKindChoices} validate={required()} />
      <TextInput source="region" validate={maxLength(50)} />
      <DateInput source="deadline" validate={isCreate ? [required(), notPastDate] : required()} />
    </Box>
    <Box sx={row}>
      <MoneyInput source="budgetMin" helperText="cop.opportunities.budget_help" />
      <MoneyInput source="budgetMax" validate={notBelowMin} />
    </Box>
    <TextInput source="description" multiline fullWidth minRows={5} validate={maxLength(MAX_DESCRIPTION)} />
    <FilesInput source="attachments" label="resources.opportunities.fields.attachments" max={MAX_ATTACHMENTS} />
    <Section title="cop.audience.section" />
    <AudienceInput />
  </SimpleForm>
);
