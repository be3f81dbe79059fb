import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { useServerErrorNotifier } from '../shared';

interface DirectoryEntry {
  id: number;
  name?: string;
  creditCode?: string;
}

const directoryOption = (record: DirectoryEntry) =>
  record ? [record.name, record.creditCode].filter(Boolean).join(' · ') : '';

/** 添加供销关系: the seller is picked from the enterprise directory (kind seller, which includes both). */
export const PartnershipCreate = () => {
  const onError = useServerErrorNotifier(['sellerId']);
  return (
    <Create redirect="show" mutationOptions={{ onError }} transform={(data) => ({ sellerId: data.sellerId })}>
      <SimpleForm>
        <ReferenceInput
          source="sellerId"
          reference="enterprise-directory"
          filter={{ kind: 'seller' }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            optionText={directoryOption}
            noOptionsText="ra.navigation.no_results"
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            sx={{ minWidth: 360 }}
            data-testid="partnership-seller"
          />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
};
