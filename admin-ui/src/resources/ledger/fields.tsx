import { Box, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { MoneyField, formatFen } from '../shared';
import { signedAmount, statementAmounts, type AccountKind, type AccountRecord, type TransactionRecord } from './types';

/** 有效期: 'validFrom ~ validTo' of a credit account ('-' when not set). */
export const ValidityField = ({ testId }: { label?: string; testId?: string }) => {
  const record = useRecordContext<AccountRecord>();
  if (!record) return null;
  const from = record.validFrom?.slice(0, 10);
  const to = record.validTo?.slice(0, 10);
  return <span data-testid={testId}>{from || to ? `${from ?? ''} ~ ${to ?? ''}` : '-'}</span>;
};

/** A transaction amount with its sign: money in +, money out −. */
export const SignedAmountField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<TransactionRecord>();
  if (!record) return null;
  const value = signedAmount(record);
  return (
    <Box component="span" sx={{ color: value < 0 ? 'error.main' : 'success.main', whiteSpace: 'nowrap' }} data-money-fen={value}>
      {value > 0 ? '+' : ''}
      {formatFen(value)}
    </Box>
  );
};

/**
 * 金额 or 冻结 of a statement line (`which`): signed yuan, '-' when the line does not move it (a freeze
 * has no 金额, a top-up no 冻结), so the 金额 column adds up to what was spent.
 */
export const StatementAmountField = ({ which }: { which: 'posted' | 'frozen'; label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<TransactionRecord>();
  if (!record) return null;
  const value = statementAmounts(record)[which];
  if (!value) return <span data-money-fen={0}>-</span>;
  const color = which === 'frozen' ? 'warning.main' : value < 0 ? 'error.main' : 'success.main';
  return (
    <Box component="span" sx={{ color, whiteSpace: 'nowrap' }} data-money-fen={value}>
      {value > 0 ? '+' : ''}
      {formatFen(value)}
    </Box>
  );
};

interface FigureProps {
  /** Translation key of the caption. */
  label: string;
  source: keyof AccountRecord;
  testId: string;
}

/** One figure of an account: a caption and its amount in yuan (the amount carries the data-testid). */
const Figure = ({ label, source, testId }: FigureProps) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ minWidth: 180, flex: '1 1 180px' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate(label)}
        </Typography>
        <Typography variant="h5" component="div" data-testid={testId}>
          <MoneyField source={source} />
        </Typography>
      </CardContent>
    </Card>
  );
};

/**
 * The figures the manual lists: prepaid 可用余额 and 冻结金额; credit 总额度, 可用额度, 未还款金额,
 * 冻结金额 and 有效期.
 */
export const AccountFigures = ({ kind }: { kind: AccountKind }) => {
  const translate = useTranslate();
  const record = useRecordContext<AccountRecord>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', p: 2 }} data-testid="account-figures">
      {kind === 'credit' ? <Figure label="cop.ledger.figure_limit" source="creditLimit" testId="figure-limit" /> : null}
      <Figure
        label={kind === 'credit' ? 'cop.ledger.figure_available_credit' : 'cop.ledger.figure_available'}
        source="available"
        testId="figure-available"
      />
      {kind === 'credit' ? <Figure label="cop.ledger.figure_unpaid" source="unpaid" testId="figure-unpaid" /> : null}
      <Figure label="cop.ledger.figure_frozen" source="frozen" testId="figure-frozen" />
      {kind === 'credit' ? (
        <Card variant="outlined" sx={{ minWidth: 240, flex: '1 1 240px' }}>
          <CardContent>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate('cop.ledger.validity')}
            </Typography>
            <Typography variant="h6" component="div" sx={{ whiteSpace: 'nowrap' }}>
              <ValidityField testId="figure-validity" />
            </Typography>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};
