import { useState, type MouseEvent } from 'react';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import BoltIcon from '@mui/icons-material/Bolt';
import { useNavigate, useTranslate } from 'react-admin';
import type { MenuItem as MenuEntry } from '@cop/config';
import { MenuIcon } from './menuIcons';
import { useMenuLabel, useVisibleMenu } from './useVisibleMenu';

/** Most used pages first; only those the user can see are offered. */
export const QUICK_LINK_KEYS = [
  'order-individual',
  'order-gov',
  'cart',
  'my-orders',
  'individual-orders',
  'gov-orders',
  'ticket-products',
  'individual-strategies',
  'receive-announcements',
  'accounts',
  'employees',
  'notifications',
];
const MAX_QUICK_LINKS = 6;

export function pickQuickLinks(items: MenuEntry[]): MenuEntry[] {
  return QUICK_LINK_KEYS.map((key) => items.find((item) => item.key === key))
    .filter((item): item is MenuEntry => !!item)
    .slice(0, MAX_QUICK_LINKS);
}

export const QuickLinks = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const label = useMenuLabel();
  const { items } = useVisibleMenu();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const links = pickQuickLinks(items);

  return (
    <>
      <Button
        color="inherit"
        startIcon={<BoltIcon />}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        data-testid="quick-links"
        sx={{ display: { xs: 'none', sm: 'inline-flex' } }}
      >
        {translate('cop.appbar.quick_links')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} disableScrollLock>
        {links.length === 0 ? (
          <MenuItem disabled>{translate('cop.appbar.no_quick_links')}</MenuItem>
        ) : (
          links.map((item) => (
            <MenuItem
              key={item.key}
              data-testid={`quick-link-${item.key}`}
              onClick={() => {
                setAnchor(null);
                navigate(item.path ?? '/');
              }}
            >
              <ListItemIcon>
                <MenuIcon menuKey={item.key} />
              </ListItemIcon>
              <ListItemText primary={label(item)} />
            </MenuItem>
          ))
        )}
      </Menu>
    </>
  );
};
