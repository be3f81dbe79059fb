import { Box, Chip, Typography } from '@mui/material';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../shared';
import { VerbButton } from '../verbs';

interface LockedAccount {
  id: number;
  locked?: boolean;
  lockedUntil?: string | null;
}

/** 登录锁定: 已锁定 and until when, for an account locked by repeated wrong passwords; nothing otherwise. */
export const LockedField = (_props: { label?: string; source?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<LockedAccount>();
  if (!record?.locked) return null;
  return (
    <Box data-testid={`account-locked-${record.id}`}>
      <Chip size="small" color="error" label={translate('cop.accounts.locked_chip')} />
      {record.lockedUntil ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('cop.accounts.locked_until')} <DateTimeField source="lockedUntil" />
        </Typography>
      ) : null}
    </Box>
  );
};

/** 解锁: lift the lock at once (accounts.write; the server checks the caller may manage the account). */
export const UnlockButton = () => (
  <VerbButton<LockedAccount>
    verb="unlock"
    label="cop.accounts.unlock"
    icon={<LockOpenIcon />}
    testId="account-unlock"
    confirmTitle="cop.accounts.unlock_title"
    confirmContent="cop.accounts.unlock_content"
    when={(record) => !!record.locked}
    done="cop.accounts.unlocked"
  />
);
