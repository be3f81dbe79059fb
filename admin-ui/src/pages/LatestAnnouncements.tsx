import { Link } from 'react-router-dom';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  Link as MuiLink,
  List as MuiList,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import CampaignIcon from '@mui/icons-material/Campaign';
import { RecordContextProvider, useGetList, useTranslate } from 'react-admin';
import { DateTimeField, EnumChip } from '../resources/shared';
import { PinnedMark } from '../resources/collaboration/fields';
import type { AnnouncementRecord } from '../resources/collaboration/types';

/** How many announcements the home pages show. */
export const ANNOUNCEMENTS_ON_HOME = 5;
const PAGE = 'received-announcements';

/** 最新公告 (both homes): the 5 newest received announcements, pinned marked, unread in bold, each linking to its page. */
export const LatestAnnouncementsCard = () => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<AnnouncementRecord>(PAGE, {
    pagination: { page: 1, perPage: ANNOUNCEMENTS_ON_HOME },
    sort: { field: 'publishedAt', order: 'DESC' },
    filter: {},
  });
  const rows = data ?? [];
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader
        title={translate('cop.home.announcements')}
        avatar={<CampaignIcon color="primary" />}
        action={
          <MuiLink component={Link} to={`/${PAGE}`} sx={{ mr: 1 }}>
            {translate('cop.home.all_announcements')}
          </MuiLink>
        }
      />
      <CardContent sx={{ pt: 0 }} data-testid="dashboard-announcements">
        {isPending ? <LinearProgress /> : null}
        {!isPending && !rows.length ? (
          <Typography variant="body2" color="text.secondary">
            {translate('cop.home.no_announcements')}
          </Typography>
        ) : null}
        <MuiList dense disablePadding>
          {rows.map((row) => (
            <RecordContextProvider key={row.id} value={row}>
              <ListItem disableGutters divider data-testid={`home-announcement-${row.id}`}>
                <ListItemText
                  disableTypography
                  primary={
                    <Stack direction="row" spacing={1} alignItems="center">
                      <PinnedMark />
                      <EnumChip source="type" namespace="announcement_type" />
                      <MuiLink
                        component={Link}
                        to={`/${PAGE}/${row.id}/show`}
                        underline="hover"
                        noWrap
                        sx={{ fontWeight: row.read ? 'normal' : 'bold', flex: 1, minWidth: 0 }}
                      >
                        {row.title}
                      </MuiLink>
                    </Stack>
                  }
                  secondary={
                    <Box sx={{ color: 'text.secondary', typography: 'caption' }}>
                      {row.publisherName ? `${row.publisherName} · ` : ''}
                      <DateTimeField source="publishedAt" />
                    </Box>
                  }
                />
              </ListItem>
            </RecordContextProvider>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
};
