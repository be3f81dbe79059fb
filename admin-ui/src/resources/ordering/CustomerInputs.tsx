import { Box, Typography } from '@mui/material';
import { DateInput, RadioButtonGroupInput, TextInput, maxLength, regex, required, useTranslate } from 'react-admin';
import { RECEIVER_PHONE_PATTERN } from '@cop/config';
import { validatePhone } from '../shared';
import {
  CUSTOMER_MAX,
  paymentModeChoices,
  type OrderFormNeeds,
  type PaymentMode,
  type SellerChannel,
} from '../orders/types';

const label = (field: string) => `resources.orders.fields.${field}`;
/** Inputs sharing a row (react-admin inputs are full width by default). */
const inRow = { fullWidth: false, sx: { flex: '1 1 220px' } } as const;

/** The server's check of a receiver's phone, said with the field's name. */
const validateReceiverPhone = regex(RECEIVER_PHONE_PATTERN, 'cop.validation.receiver_phone');

/** 收货信息: who receives goods sent by courier, and where (asked only when a product is sent by courier). */
const ReceiverInputs = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="receiver-inputs">
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('cop.ordering.receiver')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput
          source="receiverName"
          label={label('receiverName')}
          validate={[required(), maxLength(CUSTOMER_MAX.receiverName)]}
          {...inRow}
        />
        <TextInput
          source="receiverPhone"
          label={label('receiverPhone')}
          validate={[required(), validateReceiverPhone, maxLength(CUSTOMER_MAX.receiverPhone)]}
          helperText="cop.ordering.receiver_phone_help"
          {...inRow}
        />
      </Box>
      <TextInput
        source="receiverAddress"
        label={label('receiverAddress')}
        validate={[required(), maxLength(CUSTOMER_MAX.receiverAddress)]}
        fullWidth
      />
    </Box>
  );
};

/**
 * The order form's customer part (立即下单 and 去结算 share it): the customer, for gov orders the
 * company and the invoice, the visit date (only when a product is used on a day: goods sent by courier
 * have none), the receiver (when a product is sent by courier), remarks, and the payment mode among
 * those the strategies allow. Inputs carry their field name as `name` (customerName, companyName, paymentMode…).
 */
export const CustomerInputs = ({
  channel,
  paymentModes,
  needs = { courier: false, visitDate: true },
}: {
  channel: SellerChannel;
  paymentModes: PaymentMode[];
  needs?: OrderFormNeeds;
}) => {
  const gov = channel === 'gov';
  return (
    <>
      {gov ? (
        <TextInput
          source="companyName"
          label={label('companyName')}
          validate={[required(), maxLength(CUSTOMER_MAX.companyName)]}
          fullWidth
        />
      ) : null}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput
          source="customerName"
          label={gov ? 'cop.ordering.contact_name' : label('customerName')}
          validate={[required(), maxLength(CUSTOMER_MAX.customerName)]}
          {...inRow}
        />
        <TextInput
          source="customerPhone"
          label={label('customerPhone')}
          validate={[validatePhone, maxLength(CUSTOMER_MAX.customerPhone)]}
          {...inRow}
        />
        {!gov ? (
          <TextInput
            source="customerIdNo"
            label={label('customerIdNo')}
            validate={maxLength(CUSTOMER_MAX.customerIdNo)}
            {...inRow}
          />
        ) : null}
      </Box>
      {gov ? (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextInput
            source="invoiceTitle"
            label={label('invoiceTitle')}
            validate={maxLength(CUSTOMER_MAX.invoiceTitle)}
            {...inRow}
          />
          <TextInput
            source="invoiceTaxNo"
            label={label('invoiceTaxNo')}
            validate={maxLength(CUSTOMER_MAX.invoiceTaxNo)}
            {...inRow}
          />
        </Box>
      ) : null}
      {needs.visitDate ? (
        <DateInput source="visitDate" label={label('visitDate')} fullWidth={false} sx={{ width: 220 }} />
      ) : null}
      {needs.courier ? <ReceiverInputs /> : null}
      <TextInput
        source="remarks"
        label={label('remarks')}
        multiline
        minRows={2}
        fullWidth
        validate={maxLength(CUSTOMER_MAX.remarks)}
      />
      <RadioButtonGroupInput
        source="paymentMode"
        label={label('paymentMode')}
        choices={paymentModeChoices.filter((choice) => paymentModes.includes(choice.id as PaymentMode))}
        validate={required()}
        helperText={paymentModes.length === 1 ? 'cop.ordering.payment_mode_fixed' : 'cop.ordering.payment_mode_help'}
      />
    </>
  );
};
