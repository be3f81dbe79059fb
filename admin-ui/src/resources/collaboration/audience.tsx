import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  required,
  useGetMany,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { audienceChoices, type Audience } from './types';

/** An entry of GET /enterprise-directory. */
export interface DirectoryEntry {
  id: number;
  name?: string;
  kind?: string;
}

/** The enterprise directory (GET /enterprise-directory: name, kind), as an option text. */
export const useDirectoryOption = () => {
  const translate = useTranslate();
  return (record: DirectoryEntry) =>
    record ? `${record.name ?? `#${record.id}`}${record.kind ? `（${translate(`cop.kind.${record.kind}`, { _: record.kind })}）` : ''}` : '';
};

const requiredWhenNamed = (value: unknown, values: Record<string, unknown>) =>
  values?.audience === 'named' && (!Array.isArray(value) || value.length === 0) ? 'cop.audience.named_required' : undefined;

/**
 * 可见范围: all / suppliers / sellers / named, and for `named` the enterprises, picked from the
 * enterprise directory (shown only then; the body sends audienceIds only then, see audienceBody).
 */
export const AudienceInput = () => {
  const audience = useWatch({ name: 'audience' }) as Audience | undefined;
  const directoryOption = useDirectoryOption();
  return (
    <Box data-testid="audience-input">
      <RadioButtonGroupInput source="audience" choices={audienceChoices} validate={required()} defaultValue="all" />
      {audience === 'named' ? (
        <ReferenceArrayInput
          source="audienceIds"
          reference="enterprise-directory"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={50}
        >
          <AutocompleteArrayInput
            optionText={directoryOption}
            filterToQuery={(q: string) => ({ q })}
            validate={requiredWhenNamed}
            noOptionsText="ra.navigation.no_results"
            sx={{ minWidth: 420 }}
            data-testid="audience-named"
          />
        </ReferenceArrayInput>
      ) : null}
    </Box>
  );
};

/** The audience of a record: the chip, and the named enterprises by name. */
export const AudienceField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<{ audience?: Audience; audienceIds?: number[] }>();
  const translate = useTranslate();
  const ids = record?.audience === 'named' ? (record.audienceIds ?? []) : [];
  const { data } = useGetMany<DirectoryEntry>('enterprise-directory', { ids }, { enabled: ids.length > 0 });
  if (!record?.audience) return <Typography variant="body2">-</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" alignItems="center" data-testid="audience-field">
      <Chip size="small" color="primary" variant="outlined" label={translate(`cop.audience.${record.audience}`, { _: record.audience })} />
      {ids.map((id) => (
        <Chip key={id} size="small" label={data?.find((entry) => entry?.id === id)?.name ?? `#${id}`} />
      ))}
    </Stack>
  );
};
