import { useState, type MouseEvent } from 'react';
import { Button, Divider, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import PowerSettingsNewIcon from '@mui/icons-material/PowerSettingsNew';
import { useGetIdentity, useLogout, useTranslate } from 'react-admin';

/** The signed-in account name (data-testid="account-name"), opening a menu with the enterprise and sign-out. */
export const AccountMenu = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const { identity } = useGetIdentity();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!identity) return null;
  const enterprise = identity.enterprise as { name?: string } | undefined;

  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        aria-haspopup="true"
        sx={{ textTransform: 'none', ml: 1 }}
      >
        <span data-testid="account-name">{identity.fullName}</span>
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} disableScrollLock>
        {enterprise?.name ? (
          <MenuItem disabled>
            <ListItemText primary={enterprise.name} secondary={translate('cop.appbar.enterprise')} />
          </MenuItem>
        ) : null}
        {enterprise?.name ? <Divider /> : null}
        <MenuItem
          data-testid="logout"
          onClick={() => {
            setAnchor(null);
            // An explicit sign-out starts the next session at home (the next user may not see this page).
            logout({}, undefined, false);
          }}
        >
          <ListItemIcon>
            <PowerSettingsNewIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={translate('ra.auth.logout')} />
        </MenuItem>
      </Menu>
    </>
  );
};
