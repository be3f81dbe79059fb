import {
  ArrayField,
  DataTable,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumChip } from '../shared';
import { ResumePartnershipButton, StopPartnershipButton } from './buttons';
import { partnershipStatusColors } from './status';

const ShowActions = () => (
  <TopToolbar>
    <StopPartnershipButton />
    <ResumePartnershipButton />
  </TopToolbar>
);

/** The detail of one partnership with its history (add / stop / resume). */
export const PartnershipShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="id" />
        <TextField source="supplierName" />
        <TextField source="sellerName" />
        <EnumChip source="status" namespace="partnership_status" colors={partnershipStatusColors} />
        <DateTimeField source="stoppedAt" />
        <TextField source="stopReason" emptyText="-" />
        <DateTimeField source="createdAt" />
        <Labeled label="cop.partnerships.history" fullWidth>
          <ArrayField source="history">
            <DataTable bulkActionButtons={false} data-testid="partnership-history" empty={<span>{translate('cop.partnerships.no_history')}</span>}>
              <DataTable.Col source="at" label="cop.partnerships.history_at">
                <DateTimeField source="at" />
              </DataTable.Col>
              <DataTable.Col source="action" label="cop.partnerships.history_action">
                <EnumChip source="action" namespace="partnership_action" />
              </DataTable.Col>
              <DataTable.Col source="reason" label="cop.partnerships.history_reason">
                <TextField source="reason" emptyText="-" />
              </DataTable.Col>
              <DataTable.Col source="operatorName" label="cop.partnerships.history_operator" />
            </DataTable>
          </ArrayField>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
