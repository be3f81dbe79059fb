import { useEffect, useState } from 'react';
import { Box, Chip, Tooltip, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import CloseIcon from '@mui/icons-material/Close';
import { useGetIdentity, useLocation, useNavigate, useTranslate } from 'react-admin';
import { matchMenuItem } from '../auth/access';
import { MenuIcon } from './menuIcons';
import { close, loadRecent, saveRecent, visit, type RecentEntry } from './recent';
import { useMenuLabel, useVisibleMenu } from './useVisibleMenu';

/** Tabs of the last visited menu pages: click to go back, x to close. */
export const RecentTabs = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const location = useLocation();
  const label = useMenuLabel();
  const { identity } = useGetIdentity();
  const { items } = useVisibleMenu();
  const userId = identity?.id;
  const [entries, setEntries] = useState<RecentEntry[]>([]);
  const current = matchMenuItem(items, location.pathname);

  useEffect(() => {
    setEntries(userId != null ? loadRecent(userId) : []);
  }, [userId]);

  useEffect(() => {
    if (userId == null || !current) return;
    setEntries(() => {
      const next = visit(loadRecent(userId), current.key, Date.now());
      saveRecent(userId, next);
      return next;
    });
  }, [userId, current?.key]); // eslint-disable-line react-hooks/exhaustive-deps

  const update = (next: RecentEntry[]) => {
    if (userId == null) return;
    saveRecent(userId, next);
    setEntries(next);
  };

  const tabs = entries
    .map((entry) => items.find((item) => item.key === entry.key))
    .filter((item): item is NonNullable<typeof item> => !!item);
  if (tabs.length === 0) return null;

  return (
    <Box
      data-testid="recent-tabs"
      aria-label={translate('cop.recent.label')}
      sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', px: 1, pt: 1 }}
    >
      <Tooltip title={translate('cop.recent.label')}>
        <HistoryIcon fontSize="small" color="action" />
      </Tooltip>
      <Typography variant="caption" color="text.secondary" sx={{ display: { xs: 'none', md: 'block' } }}>
        {translate('cop.recent.label')}
      </Typography>
      {tabs.map((item) => (
        <Chip
          key={item.key}
          data-testid={`recent-tab-${item.key}`}
          size="small"
          icon={<MenuIcon menuKey={item.key} />}
          label={label(item)}
          color={current?.key === item.key ? 'primary' : 'default'}
          variant={current?.key === item.key ? 'filled' : 'outlined'}
          onClick={() => navigate(item.path ?? '/')}
          onDelete={() => update(close(entries, item.key))}
          deleteIcon={
            <CloseIcon data-testid={`recent-close-${item.key}`} aria-label={translate('cop.recent.close')} />
          }
        />
      ))}
    </Box>
  );
};
