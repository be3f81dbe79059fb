import { DeleteButton, useRecordContext, useTranslate } from 'react-admin';

/** The accounts holding a role, as the server lists them (`holders`, names). */
export const holdersOf = (record: { holders?: unknown } | undefined): string[] =>
  Array.isArray(record?.holders) ? record.holders.map(String) : [];

/**
 * Delete a role, asking first; when accounts hold it the dialog names them and says they lose the
 * role's permissions (deleting it strips them at once).
 */
export const RoleDeleteButton = () => {
  const record = useRecordContext<{ id: number; name?: string; holders?: string[] }>();
  const translate = useTranslate();
  const holders = holdersOf(record);
  const content = holders.length
    ? translate('cop.roles.delete_held', { name: record?.name ?? '', holders: holders.join('、'), smart_count: holders.length })
    : undefined;
  return <DeleteButton mutationMode="pessimistic" confirmContent={content} />;
};
