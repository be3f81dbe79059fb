import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import ConstructionIcon from '@mui/icons-material/Construction';
import { AccessDenied, Loading, Title, useNavigate, usePermissions, useTranslate } from 'react-admin';
import type { MenuItem } from '@cop/config';
import type { CopPermissions } from '../auth/session';
import { canSeeMenuPath } from '../auth/access';
import { useMenuLabel } from '../layout/useVisibleMenu';

/** Placeholder for menu entries whose feature is not built yet (not `ready` in @cop/config, not in resources/pages.ts). */
export const ComingSoon = ({ item }: { item: MenuItem }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const label = useMenuLabel();
  const { permissions, isPending } = usePermissions<CopPermissions>();

  if (isPending) return <Loading />;
  // Custom routes are not guarded by react-admin: show only what the user's menu offers.
  if (!canSeeMenuPath(permissions, item.path ?? '')) return <AccessDenied />;

  const name = label(item);
  return (
    <Box sx={{ mt: 2 }} data-testid="coming-soon" data-menu-key={item.key}>
      <Title title={name} />
      <Card>
        <CardContent sx={{ textAlign: 'center', py: 6 }}>
          <ConstructionIcon sx={{ fontSize: 64 }} color="disabled" />
          <Typography variant="h5" gutterBottom>
            {translate('cop.coming_soon.title')}
          </Typography>
          <Typography color="text.secondary" gutterBottom>
            {translate('cop.coming_soon.message', { name })}
          </Typography>
          <Button variant="outlined" sx={{ mt: 2 }} onClick={() => navigate('/')}>
            {translate('cop.coming_soon.back_home')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};
