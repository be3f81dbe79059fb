import { Box, Typography } from '@mui/material';
import { DateInput, SelectInput, SimpleForm, TextInput, maxLength, required, useTranslate, type SimpleFormProps } from 'react-admin';
import { notBefore, validatePhone } from '../shared';
import { AudienceInput } from '../collaboration/audience';
import { FilesInput } from '../collaboration/files';
import { MAX_ATTACHMENTS, MAX_DESCRIPTION, MAX_PICTURES, resourceTypeChoices } from '../collaboration/types';

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

/** 资源 form: what it is, pictures and attachments, contact, validity, who sees it. */
export const ResourceForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <Section title="cop.resources.section_basic" />
    <TextInput source="title" validate={[required(), maxLength(100)]} />
    <Box sx={row}>
      <SelectInput source="type" choices={resourceTypeChoices} validate={required()} />
      <TextInput source="region" validate={maxLength(50)} />
    </Box>
    <TextInput source="description" multiline fullWidth minRows={5} validate={maxLength(MAX_DESCRIPTION)} />
    <FilesInput source="pictures" label="resources.resources.fields.pictures" images max={MAX_PICTURES} />
    <FilesInput source="attachments" label="resources.resources.fields.attachments" max={MAX_ATTACHMENTS} />
    <Section title="cop.resources.section_contact" />
    <Box sx={row}>
      <TextInput source="contactName" validate={maxLength(50)} />
      <TextInput source="contactPhone" validate={[maxLength(20), validatePhone]} />
    </Box>
    <Box sx={row}>
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={[required(), notBefore('validFrom')]} />
    </Box>
    <Section title="cop.audience.section" />
    <AudienceInput />
  </SimpleForm>
);
