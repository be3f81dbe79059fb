import { Box } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  Labeled,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  minValue,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { EnumChip, MoneyInput, integer, notBefore } from '../shared';
import { StrategySaveToolbar } from './warnings';
import { PartnerSellersInput } from '../partnerships/PartnerSellerInput';
import { appliesToChoices, businessModeChoices, strategyStatusColors, type StrategyChannel } from './types';

interface StrategyFormProps extends Omit<SimpleFormProps, 'children'> {
  channel: StrategyChannel;
  showStatus?: boolean;
}

/** Base data, the sellers it applies to, and the product lines (price, settlement price, quantities). */
export const StrategyForm = ({ channel, showStatus, ...props }: StrategyFormProps) => (
  <SimpleForm toolbar={<StrategySaveToolbar />} {...props}>
    {showStatus ? (
      <Labeled source="status">
        <EnumChip source="status" namespace="strategy_status" colors={strategyStatusColors} />
      </Labeled>
    ) : null}
    <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ minWidth: 360 }} />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <DateInput source="effectiveFrom" validate={required()} />
      <DateInput source="effectiveTo" validate={[required(), notBefore('effectiveFrom')]} />
    </Box>
    <SelectInput source="businessMode" choices={businessModeChoices} validate={required()} />
    {channel === 'gov' ? <BooleanInput source="requiresAudit" /> : null}
    <RadioButtonGroupInput source="appliesTo" choices={appliesToChoices} validate={required()} />
    <FormDataConsumer<{ appliesTo?: string }>>
      {({ formData }) => (formData.appliesTo === 'named' ? <PartnerSellersInput validate={required()} /> : null)}
    </FormDataConsumer>
    <ArrayInput source="lines" label="cop.strategies.lines" validate={required()} data-testid="strategy-lines">
      {/* no auto-focus on ⊕: the focused product picker opened before its choices loaded and the first click closed it again */}
      <SimpleFormIterator inline disableReordering disableAutoFocus>
        <ReferenceInput source="productId" reference="products" filter={{ status: 'listed' }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" noOptionsText="ra.navigation.no_results" validate={required()} sx={{ minWidth: 260 }} />
        </ReferenceInput>
        <MoneyInput source="price" validate={[required(), minValue(0)]} />
        <MoneyInput source="settlementPrice" validate={minValue(0)} />
        {/* a line added with ⊕ starts at 1 like the first one (else its 起订量 is blank and the save fails) */}
        <NumberInput source="minQuantity" step={1} min={1} defaultValue={1} validate={[required(), minValue(1), integer]} />
        <NumberInput source="maxQuantity" step={1} min={1} validate={[minValue(1), integer]} />
        <NumberInput source="dailyMax" step={1} min={1} validate={[minValue(1), integer]} />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);
