import { Chip } from '@mui/material';
import { FunctionField, useTranslate } from 'react-admin';

/** `source` is on the element itself so that SimpleShowLayout labels it. */
export const EnterpriseKindField = ({ label }: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="kind"
      label={label}
      render={(record: { kind?: string }) => (record.kind ? translate(`cop.kind.${record.kind}`) : '')}
    />
  );
};

export const EnterpriseStatusField = ({ label }: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="status"
      label={label}
      render={(record: { status?: string }) =>
        record.status ? (
          <Chip
            size="small"
            color={record.status === 'active' ? 'success' : 'default'}
            label={translate(`cop.enterprise_status.${record.status}`, { _: record.status })}
          />
        ) : null
      }
    />
  );
};
