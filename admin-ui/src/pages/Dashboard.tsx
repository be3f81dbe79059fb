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
 * 首页: 供货方首页 / 销售方首页, its areas top to bottom in the manual's order. The seller: 支付退款统计区
 * (payments and refunds), 待支付订单区 (each with 支付), 热销榜区, 通知公告区. The supplier: 订单数据统计区
 * (payments and refunds of its side, orders of the last 30 days by status and channel), 待处理订单快速处理区
 * (audit: 通过 / 驳回; fulfilment: 履约), 通知公告区. An enterprise of both kinds sees the seller's areas,
 * then the supplier's, then the announcements. Each card needs the key of its data: the payment statistics
 * ledger.read, the order cards orders.read on the side, each quick action its own key.
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
  const sellerMoney = statistics.includes('seller');
  const supplierMoney = statistics.includes('supplier');

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
        {/* 销售方首页: 支付退款统计区, 待支付订单区, 热销榜区, then (below) 通知公告区 */}
        {sellerMoney ? (
          <Suspense fallback={null}>
            <SalesStatisticsCard side="seller" />
          </Suspense>
        ) : null}
        {sellerSide ? <PendingPaymentCard /> : null}
        {sellerSide ? <HotRankingCard side="seller" /> : null}
        {/* 供货方首页: 订单数据统计区, 待处理订单快速处理区, then 通知公告区 */}
        {supplierMoney ? (
          <Suspense fallback={null}>
            <SalesStatisticsCard side="supplier" />
          </Suspense>
        ) : null}
        {supplierSide ? <OrdersByStatusCard side="supplier" /> : null}
        {supplierSide ? <PendingOrdersCard /> : null}
        {announcements ? <LatestAnnouncementsCard /> : null}
      </Stack>
    </Box>
  );
};
