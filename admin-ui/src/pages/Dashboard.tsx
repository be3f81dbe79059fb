import { Box, Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import ConstructionIcon from '@mui/icons-material/Construction';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { EnterpriseKind } from '@cop/config';
import type { CopPermissions } from '../auth/session';
import { canAccessWith } from '../auth/access';
import { PendingOrdersCard, PendingPaymentCard } from './PendingOrders';

export const homeTitleKey = (kind: EnterpriseKind | undefined) =>
  kind === 'supplier' ? 'cop.home.title_supplier' : kind === 'seller' ? 'cop.home.title_seller' : 'cop.home.title_both';

/**
 * 首页: 供货方首页 / 销售方首页. The seller sees its orders waiting for payment, the supplier its
 * orders waiting for audit or fulfilment (each needs orders.read on its side). Statistics come with F03 / F04.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<CopPermissions>();
  const kind = permissions?.kind;
  const enterprise = identity?.enterprise as { name?: string } | undefined;

  return (
    <Box sx={{ mt: 1 }} data-testid="dashboard" data-kind={kind ?? ''}>
      <Title title={translate(homeTitleKey(kind))} />
      <Stack spacing={2}>
        <Card>
          <CardHeader
            title={translate('cop.home.welcome', { name: identity?.fullName ?? '' })}
            subheader={translate(homeTitleKey(kind))}
          />
          <CardContent>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4}>
              <Box>
                <Typography variant="caption" color="text.secondary">
                  {translate('cop.home.enterprise')}
                </Typography>
                <Typography variant="h6" data-testid="dashboard-enterprise">
                  {enterprise?.name ?? ''}
                </Typography>
              </Box>
              <Box>
                <Typography variant="caption" color="text.secondary">
                  {translate('cop.home.kind')}
                </Typography>
                <Box>{kind ? <Chip color="primary" label={translate(`cop.kind.${kind}`)} /> : null}</Box>
              </Box>
              <Box>
                <Typography variant="caption" color="text.secondary">
                  {translate('cop.home.role')}
                </Typography>
                <Typography variant="body1">
                  {translate(permissions?.isEnterpriseAdmin ? 'cop.home.role_admin' : 'cop.home.role_user')}
                </Typography>
              </Box>
            </Stack>
          </CardContent>
        </Card>
        {canAccessWith(permissions, 'my-orders', 'list') ? <PendingPaymentCard /> : null}
        {canAccessWith(permissions, 'orders/individual', 'list') ? <PendingOrdersCard /> : null}
        <Card variant="outlined">
          <CardHeader title={translate('cop.home.stats_title')} avatar={<ConstructionIcon color="action" />} />
          <CardContent>
            <Typography color="text.secondary">{translate('cop.home.stats_coming_soon')}</Typography>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};
