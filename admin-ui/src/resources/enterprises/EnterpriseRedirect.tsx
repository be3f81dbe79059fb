import { Alert } from '@mui/material';
import { Loading, Navigate, useCreatePath, useGetList, useTranslate } from 'react-admin';

/** /enterprises: the list holds only the caller's own enterprise, so go straight to its page. */
export const EnterpriseRedirect = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending, error } = useGetList('enterprises', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  if (isPending) return <Loading />;
  if (error || !data?.length) {
    return (
      <Alert severity="warning" sx={{ mt: 2 }}>
        {error?.message || translate('cop.enterprises.not_found')}
      </Alert>
    );
  }
  return <Navigate to={createPath({ resource: 'enterprises', id: data[0].id, type: 'show' })} replace />;
};
