import { useMemo } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  useGetList,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useOwnEnterpriseId } from '../shared';
import type { PartnershipRecord } from './status';

/** Enough for every partner of one supplier in a single request. */
const PARTNERS_PER_PAGE = 500;

/**
 * The sellers this supplier actively partners with, as choices { id: sellerId, name: sellerName }.
 * Ids the record already holds but that are no longer active partners stay selectable by id.
 */
export function usePartnerSellerChoices(currentIds: unknown[] = []) {
  const translate = useTranslate();
  const { enterpriseId, isPending: identityPending } = useOwnEnterpriseId();
  const { data, isPending } = useGetList<PartnershipRecord>(
    'partnerships',
    {
      filter: { status: 'active', ...(enterpriseId ? { supplierId: enterpriseId } : {}) },
      pagination: { page: 1, perPage: PARTNERS_PER_PAGE },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: !identityPending },
  );
  const key = currentIds.join(',');
  const loading = identityPending || isPending;
  const choices = useMemo(() => {
    const out = (data ?? []).map((p) => ({ id: p.sellerId, name: p.sellerName ?? `#${p.sellerId}` }));
    // Only once loaded: AutocompleteInput keeps the label it first found for a selected id.
    if (loading) return out;
    for (const id of currentIds) {
      if (id != null && !out.some((choice) => choice.id === id)) {
        out.push({ id: id as number, name: translate('cop.partnerships.inactive_seller', { id: String(id) }) });
      }
    }
    return out;
  }, [data, key, loading, translate]); // eslint-disable-line react-hooks/exhaustive-deps
  return { choices, isPending: loading };
}

interface Props {
  source?: string;
  validate?: Validator | Validator[];
  helperText?: string;
}

/** One seller among the active partners (stores its enterprise id). */
export const PartnerSellerInput = ({ source = 'sellerId', validate, helperText }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const current = record?.[source];
  const { choices, isPending } = usePartnerSellerChoices(current != null ? [current] : []);
  return (
    <AutocompleteInput
      source={source}
      noOptionsText="ra.navigation.no_results"
      choices={choices}
      isPending={isPending}
      validate={validate}
      helperText={helperText}
      sx={{ minWidth: 320 }}
      data-testid={`partner-${source}`}
    />
  );
};

/** Several sellers among the active partners (stores their enterprise ids). */
export const PartnerSellersInput = ({ source = 'sellerIds', validate, helperText }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const current = Array.isArray(record?.[source]) ? (record[source] as unknown[]) : [];
  const { choices, isPending } = usePartnerSellerChoices(current);
  return (
    <AutocompleteArrayInput
      source={source}
      noOptionsText="ra.navigation.no_results"
      choices={choices}
      isPending={isPending}
      validate={validate}
      helperText={helperText}
      sx={{ minWidth: 360 }}
      data-testid={`partner-${source}`}
    />
  );
};
