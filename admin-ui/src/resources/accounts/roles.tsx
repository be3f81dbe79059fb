import { Chip, Stack } from '@mui/material';
import { CheckboxGroupInput, useGetList, useRecordContext, useTranslate } from 'react-admin';

/**
 * All roles of the enterprise, in one request that the list column and the form share.
 * (A ReferenceArrayInput would also call getMany, i.e. filter={"id":[..]}, which the roles contract
 * does not list as a filter.)
 */
export const useAllRoles = () =>
  useGetList('roles', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });

export const RolesInput = () => {
  const translate = useTranslate();
  const { data, isPending } = useAllRoles();
  if (isPending) return null;
  return (
    <CheckboxGroupInput
      source="roleIds"
      choices={data ?? []}
      optionText="name"
      optionValue="id"
      helperText={data?.length ? undefined : translate('cop.accounts.no_roles')}
      data-testid="account-roles"
    />
  );
};

export const RoleNamesField = (_props: { label?: string }) => {
  const record = useRecordContext<{ roleIds?: number[] }>();
  const { data } = useAllRoles();
  if (!record?.roleIds?.length) return null;
  const names = new Map((data ?? []).map((role) => [role.id, role.name as string]));
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {record.roleIds.map((id) => (
        <Chip key={id} size="small" label={names.get(id) ?? `#${id}`} />
      ))}
    </Stack>
  );
};
