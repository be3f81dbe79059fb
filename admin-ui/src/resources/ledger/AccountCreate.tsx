import { useMemo } from 'react';
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  SimpleForm,
  required,
  useGetList,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { SaveOnlyToolbar, useOwnEnterpriseId, useServerErrorNotifier } from '../shared';
import { usePartnerSellerChoices } from '../partnerships/PartnerSellerInput';
import type { AccountKind, AccountRecord } from './types';

const ACCOUNTS_PER_PAGE = 1000;

/**
 * The active partner sellers that have no account of this kind yet (the server refuses a second
 * one, and sellers that are not active partners).
 */
const AccountSellerInput = () => {
  const resource = useResourceContext() ?? '';
  const { enterpriseId, isPending: identityPending } = useOwnEnterpriseId();
  const { choices, isPending } = usePartnerSellerChoices();
  const { data: accounts, isPending: accountsPending } = useGetList<AccountRecord>(
    resource,
    {
      filter: enterpriseId ? { supplierId: enterpriseId } : {},
      pagination: { page: 1, perPage: ACCOUNTS_PER_PAGE },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: !identityPending },
  );
  const open = useMemo(() => {
    const taken = new Set((accounts ?? []).map((account) => account.sellerId));
    return choices.filter((choice) => !taken.has(choice.id));
  }, [accounts, choices]);
  return (
    <AutocompleteInput
      source="sellerId"
      noOptionsText="cop.ledger.no_seller_to_open"
      choices={open}
      isPending={isPending || accountsPending}
      validate={required()}
      sx={{ minWidth: 320 }}
      data-testid="account-seller"
    />
  );
};

/** 开户: a prepaid or credit account for an active partner seller; it starts disabled. */
export const AccountCreate = ({ kind }: { kind: AccountKind }) => {
  const translate = useTranslate();
  const onError = useServerErrorNotifier(['sellerId']);
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={(data: Record<string, unknown>) => ({ sellerId: data.sellerId })}>
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate(`cop.ledger.open_hint_${kind}`)}
        </Alert>
        <AccountSellerInput />
      </SimpleForm>
    </Create>
  );
};
