import { Alert, Box, Card, CardContent, CardHeader, Divider, Typography } from '@mui/material';
import { RecordContextProvider, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { MultilineText } from '../collaboration/fields';
import { responseStatusColors, type OpportunityRecord } from '../collaboration/types';
import { OpportunityDetails } from '../opportunities/OpportunityShow';
import { ContactPublisherButton, RespondButton, WithdrawResponseButton } from './buttons';

const ShowActions = () => (
  <TopToolbar>
    <RespondButton />
    <WithdrawResponseButton />
    <ContactPublisherButton variant="contained" />
  </TopToolbar>
);

const Title = () => {
  const record = useRecordContext<OpportunityRecord>();
  return <span>{record?.title ?? ''}</span>;
};

/** 我的响应: the message I sent, its state and time (or why I cannot respond). */
const MyResponse = () => {
  const translate = useTranslate();
  const record = useRecordContext<OpportunityRecord>();
  if (!record) return null;
  const response = record.myResponse;
  if (!response) {
    return (
      <Box sx={{ px: 2, py: 2 }}>
        <Alert severity={record.expired ? 'warning' : 'info'} data-testid="my-response-none">
          {translate(record.expired ? 'cop.opportunities.expired' : 'cop.opportunities.not_responded')}
        </Alert>
      </Box>
    );
  }
  return (
    <Box sx={{ px: 2, py: 2 }}>
      <Card variant="outlined" data-testid="my-response">
        <CardHeader
          title={translate('cop.opportunities.my_response')}
          slotProps={{ title: { variant: 'subtitle1' } }}
          action={
            <RecordContextProvider value={response}>
              <EnumChip source="status" namespace="response_status" colors={responseStatusColors} />
            </RecordContextProvider>
          }
        />
        <CardContent sx={{ pt: 0 }}>
          <RecordContextProvider value={response}>
            <MultilineText source="message" />
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              <DateTimeField source="createdAt" />
            </Typography>
          </RecordContextProvider>
        </CardContent>
      </Card>
    </Box>
  );
};

/** A received opportunity: details, my response, 响应 / 撤回 / 联系发布方. */
export const ReceivedOpportunityShow = () => (
  <Show actions={<ShowActions />} title={<Title />}>
    <OpportunityDetails own={false} />
    <Divider />
    <MyResponse />
  </Show>
);
