import { Box, Divider, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { AudienceField } from '../collaboration/audience';
import { ContactButton } from '../collaboration/ContactButton';
import { BudgetField, DeadlineField, MultilineText } from '../collaboration/fields';
import { AttachmentLinks } from '../collaboration/files';
import { opportunityStatusColors, responseStatusColors, type OpportunityRecord, type ResponseRecord } from '../collaboration/types';
import { OpportunityButtons } from './buttons';

const ShowActions = () => (
  <TopToolbar>
    <OpportunityButtons />
  </TopToolbar>
);

const Title = () => {
  const record = useRecordContext<OpportunityRecord>();
  return <span>{record?.title ?? ''}</span>;
};

const row = { display: 'flex', gap: 4, flexWrap: 'wrap', px: 2, py: 1 } as const;

/** The fields both opportunity pages show (mine: status, count, audience; received: the publisher). */
export const OpportunityDetails = ({ own }: { own: boolean }) => {
  const record = useRecordContext<OpportunityRecord>();
  if (!record) return null;
  return (
    <Box data-testid="opportunity-details">
      <Typography variant="h6" sx={{ px: 2, pt: 2 }}>
        {record.title}
      </Typography>
      <Box sx={row}>
        <Labeled source="kind">
          <EnumChip source="kind" namespace="opportunity_kind" />
        </Labeled>
        {own ? (
          <Labeled source="status">
            <EnumChip source="status" namespace="opportunity_status" colors={opportunityStatusColors} />
          </Labeled>
        ) : (
          <Labeled source="publisherName">
            <TextField source="publisherName" emptyText="-" />
          </Labeled>
        )}
        <Labeled label="cop.opportunities.budget">
          <BudgetField />
        </Labeled>
        <Labeled source="region">
          <TextField source="region" emptyText="-" />
        </Labeled>
        <Labeled source="deadline">
          <DeadlineField />
        </Labeled>
        {own ? (
          <Labeled source="responseCount">
            <NumberField source="responseCount" emptyText="0" />
          </Labeled>
        ) : null}
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
      </Box>
      <Box sx={{ px: 2, py: 1 }}>
        <Labeled source="description" fullWidth>
          <MultilineText source="description" />
        </Labeled>
      </Box>
      <Box sx={{ px: 2, py: 1 }}>
        <Labeled source="attachments" fullWidth>
          <AttachmentLinks />
        </Labeled>
      </Box>
      {own ? (
        <Box sx={row}>
          <Labeled source="audience">
            <AudienceField />
          </Labeled>
        </Box>
      ) : null}
    </Box>
  );
};

/** 沟通: the publisher writes to a responder, in the thread about this opportunity. */
const ChatWithResponder = () => {
  const response = useRecordContext<ResponseRecord>();
  return (
    <ContactButton
      start={response ? { subjectType: 'opportunity', subjectId: response.opportunityId, counterpartId: response.responderId } : null}
      label="cop.opportunities.chat"
      title="cop.opportunities.chat_title"
      testId={`response-chat-${response?.id ?? ''}`}
    />
  );
};

/** The responses to my opportunity (opportunity-responses filtered by opportunityId). */
const Responses = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, py: 2 }} data-testid="opportunity-responses">
      <Typography variant="subtitle1" gutterBottom>
        {translate('cop.opportunities.responses')}
      </Typography>
      <ReferenceManyField
        reference="opportunity-responses"
        target="opportunityId"
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={20}
        pagination={<Pagination rowsPerPageOptions={[10, 20, 50]} />}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('cop.opportunities.no_responses')}
          </Typography>
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="responderName" disableSort />
          <DataTable.Col source="message" disableSort>
            <MultilineText source="message" />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <EnumChip source="status" namespace="response_status" colors={responseStatusColors} />
          </DataTable.Col>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col>
            <ChatWithResponder />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

export const OpportunityShow = () => (
  <Show actions={<ShowActions />} title={<Title />}>
    <OpportunityDetails own />
    <Divider />
    <Responses />
  </Show>
);
