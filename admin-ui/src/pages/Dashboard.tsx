import { Box, Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { EnterpriseKind } from '@cop/config';
import type { CopPermissions } from '../auth/session';
import { canAccessWith } from '../auth/access';
import { PendingOrdersCard, PendingPaymentCard } from './PendingOrders';
import { LatestAnnouncementsCard } from './LatestAnnouncements';
import { OrdersByStatusCard } from './OrdersByStatus';
import { HotRankingCard } from './HotRanking';
import { homeSections } from './statistics';
import { lazy, Suspense } from 'react';

// recharts is a large library: the statistics card (and its chart) load after the home page renders
const SalesStatisticsCard = lazy(() => import('./SalesStatistics').then((module) => ({ default: module.SalesStatisticsCard })));

export const homeTitleKey = (kind: EnterpriseKind | undefined) =>
  kind === 'supplier' ? 'cop.home.title_supplier' : kind === 'seller' ? 'cop.home.title_seller' : 'cop.home.title_both';

/**
 * 首页: 供货方首页 / 销售方首页. Both show the newest received announcements (announcements.read).
 * The seller sees its payment / refund statistics, its 热销排行 and its orders waiting for payment, the
 * supplier the same figures of its side, its orders of the last 30 days by status and channel and its
 * orders waiting for audit or fulfilment. Each card needs the key of its data: the payment statistics
 * ledger.read, the order cards orders.read on the side.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<CopPermissions>();
  const kind = permissions?.kind;
  const enterprise = identity?.enterprise as { name?: string } | undefined;
  // money figures need ledger.read, order figures orders.read (as the server checks them)
  const { sellerOrders: sellerSide, supplierOrders: supplierSide, statistics } = homeSections(permissions);
  const announcements = canAccessWith(permissions, 'received-announcements', 'list');
  // next to the announcements: the statistics of the seller side, else of the supplier side (kind both: both, the supplier's below)
  const firstStats = statistics[0] ?? null;

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
        {firstStats || announcements ? (
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', lg: firstStats && announcements ? 'minmax(0, 3fr) minmax(0, 2fr)' : '1fr' },
            }}
          >
            {firstStats ? <Suspense fallback={null}><SalesStatisticsCard side={firstStats} /></Suspense> : null}
            {announcements ? <LatestAnnouncementsCard /> : null}
          </Box>
        ) : null}
        {statistics[1] ? <Suspense fallback={null}><SalesStatisticsCard side={statistics[1]} /></Suspense> : null}
        {sellerSide ? <HotRankingCard side="seller" /> : null}
        {supplierSide ? <OrdersByStatusCard side="supplier" /> : null}
        {sellerSide ? <PendingPaymentCard /> : null}
        {supplierSide ? <PendingOrdersCard /> : null}
      </Stack>
    </Box>
  );
};
