import ToggleOnIcon from '@mui/icons-material/ToggleOn';
import ToggleOffIcon from '@mui/icons-material/ToggleOff';
import AddCardIcon from '@mui/icons-material/AddCard';
import TuneIcon from '@mui/icons-material/Tune';
import PaymentsIcon from '@mui/icons-material/Payments';
import { Box } from '@mui/material';
import { DateInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { MoneyInput, formatFen, notBefore } from '../shared';
import { shanghaiToday } from '../stock/monthGrid';
import { warnings } from '@cop/config';
import { VerbButton } from '../verbs';
import { useSayWarnings } from '../WarnBeforeSave';
import { VerbFormButton } from './VerbFormButton';
import { MAX_AMOUNT_FEN, NOTE_MAX, REFERENCE_MAX, type AccountRecord } from './types';
import { amountBody, limitBody, limitUsed, validateAmount, validateLimit } from './forms';

/** 启用 / 停用: posts /<accounts>/:id/enable or /disable, whichever applies (stopping asks first, so does enabling a credit account without a limit). */
export const AccountStatusButtons = () => {
  const say = useSayWarnings();
  return (
  <>
    <VerbButton<AccountRecord>
      verb="enable"
      label="cop.ledger.enable"
      icon={<ToggleOnIcon />}
      testId="account-enable"
      warnings={(record) => say([warnings.creditLimitZero({ kind: record.creditLimit === undefined ? 'prepaid' : 'credit', creditLimit: record.creditLimit })])}
      when={(record) => record.status !== 'enabled'}
      done="cop.ledger.enabled"
    />
    <VerbButton<AccountRecord>
      verb="disable"
      label="cop.ledger.disable"
      icon={<ToggleOffIcon />}
      testId="account-disable"
      confirmTitle="cop.ledger.disable_title"
      confirmContent="cop.ledger.disable_content"
      when={(record) => record.status === 'enabled'}
      done="cop.ledger.disabled"
    />
  </>
  );
};

/** Reference (bank slip, receipt number) and note of a posting. */
const PostingTexts = ({ prefix }: { prefix: string }) => (
  <>
    <TextInput
      source="reference"
      label="cop.ledger.reference"
      helperText="cop.ledger.reference_help"
      validate={maxLength(REFERENCE_MAX)}
      slotProps={{ htmlInput: { 'data-testid': `${prefix}-reference` } }}
    />
    <TextInput
      source="note"
      label="cop.ledger.note"
      multiline
      minRows={2}
      validate={maxLength(NOTE_MAX)}
      slotProps={{ htmlInput: { 'data-testid': `${prefix}-note` } }}
    />
  </>
);

const AMOUNT_FIELDS = ['amount', 'reference', 'note'] as const;
const emptyPosting = () => ({ amount: null, reference: '', note: '' });

/** 充值: a top-up of a prepaid account (enabled accounts only: the server refuses disabled ones). */
export const TopUpButton = () => (
  <VerbFormButton<AccountRecord>
    verb="top-up"
    label="cop.ledger.top_up"
    title="cop.ledger.top_up_title"
    icon={<AddCardIcon />}
    testId="account-topup"
    submitTestId="topup-submit"
    done="cop.ledger.topped_up"
    when={(record) => record.status === 'enabled'}
    defaults={emptyPosting}
    toBody={amountBody}
    fields={AMOUNT_FIELDS}
    idempotent
  >
    {(record) => <TopUpInputs record={record} />}
  </VerbFormButton>
);

const TopUpInputs = ({ record }: { record: AccountRecord }) => {
  const translate = useTranslate();
  return (
    <>
      <MoneyInput
        source="amount"
        label="cop.ledger.amount"
        validate={[required(), validateAmount(MAX_AMOUNT_FEN)]}
        helperText={translate('cop.ledger.available_now', { amount: formatFen(record.available) })}
        autoFocus
        slotProps={{ htmlInput: { 'data-testid': 'topup-amount' } }}
      />
      <PostingTexts prefix="topup" />
    </>
  );
};

/** 还款: a repayment of a credit account, at most its unpaid amount (checked here and by the server). */
export const RepayButton = () => (
  <VerbFormButton<AccountRecord>
    verb="repay"
    label="cop.ledger.repay"
    title="cop.ledger.repay_title"
    icon={<PaymentsIcon />}
    testId="account-repay"
    submitTestId="repay-submit"
    done="cop.ledger.repaid"
    defaults={emptyPosting}
    toBody={amountBody}
    fields={AMOUNT_FIELDS}
    idempotent
  >
    {(record) => <RepayInputs record={record} />}
  </VerbFormButton>
);

const RepayInputs = ({ record }: { record: AccountRecord }) => {
  const translate = useTranslate();
  return (
    <>
      <MoneyInput
        source="amount"
        label="cop.ledger.amount"
        validate={[required(), validateAmount(record.unpaid ?? MAX_AMOUNT_FEN, 'cop.ledger.repay_too_much')]}
        helperText={translate('cop.ledger.unpaid_now', { amount: formatFen(record.unpaid ?? 0) })}
        autoFocus
        slotProps={{ htmlInput: { 'data-testid': 'repay-amount' } }}
      />
      <PostingTexts prefix="repay" />
    </>
  );
};

const LIMIT_FIELDS = ['creditLimit', 'validFrom', 'validTo', 'note'] as const;

/** 设置额度: the credit limit and validity of a credit account (never below what is used). */
export const SetLimitButton = () => (
  <VerbFormButton<AccountRecord>
    verb="set-limit"
    label="cop.ledger.set_limit"
    title="cop.ledger.set_limit_title"
    icon={<TuneIcon />}
    testId="account-set-limit"
    submitTestId="limit-submit"
    done="cop.ledger.limit_set"
    defaults={(record) => ({
      creditLimit: record.creditLimit ?? 0,
      validFrom: record.validFrom ?? shanghaiToday(),
      validTo: record.validTo ?? '',
      note: '',
    })}
    toBody={limitBody}
    fields={LIMIT_FIELDS}
  >
    {(record) => <LimitInputs record={record} />}
  </VerbFormButton>
);

const LimitInputs = ({ record }: { record: AccountRecord }) => {
  const translate = useTranslate();
  const used = limitUsed(record);
  return (
    <>
      <MoneyInput
        source="creditLimit"
        label="cop.ledger.credit_limit"
        validate={[required(), validateLimit(used)]}
        helperText={translate('cop.ledger.used_now', { amount: formatFen(used) })}
        autoFocus
        slotProps={{ htmlInput: { 'data-testid': 'limit-amount' } }}
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <DateInput
          source="validFrom"
          label="cop.ledger.valid_from"
          validate={required()}
          slotProps={{ htmlInput: { 'data-testid': 'limit-from' } }}
        />
        <DateInput
          source="validTo"
          label="cop.ledger.valid_to"
          validate={[required(), notBefore('validFrom')]}
          slotProps={{ htmlInput: { 'data-testid': 'limit-to' } }}
        />
      </Box>
      <TextInput
        source="note"
        label="cop.ledger.note"
        multiline
        minRows={2}
        validate={maxLength(NOTE_MAX)}
        slotProps={{ htmlInput: { 'data-testid': 'limit-note' } }}
      />
    </>
  );
};
