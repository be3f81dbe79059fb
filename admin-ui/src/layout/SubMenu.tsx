import type { ReactNode } from 'react';
import { Collapse, List, ListItemIcon, MenuItem, Tooltip, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useSidebarState } from 'react-admin';

interface SubMenuProps {
  testId: string;
  label: string;
  icon: ReactNode;
  isOpen: boolean;
  onToggle: () => void;
  children: ReactNode;
}

/** A collapsible group of menu items (as in react-admin's demo). */
export const SubMenu = ({ testId, label, icon, isOpen, onToggle, children }: SubMenuProps) => {
  const [sidebarIsOpen] = useSidebarState();

  const header = (
    <MenuItem data-testid={testId} onClick={onToggle} aria-expanded={isOpen}>
      <ListItemIcon sx={{ minWidth: 5 }}>{isOpen ? <ExpandMoreIcon /> : icon}</ListItemIcon>
      <Typography variant="inherit" color="text.secondary" noWrap>
        {label}
      </Typography>
    </MenuItem>
  );

  return (
    <div>
      {sidebarIsOpen || isOpen ? (
        header
      ) : (
        <Tooltip title={label} placement="right">
          {header}
        </Tooltip>
      )}
      <Collapse in={isOpen} timeout="auto">
        <List
          dense
          component="div"
          disablePadding
          sx={{
            '& .MuiMenuItem-root': {
              transition: 'padding-left 195ms cubic-bezier(0.4, 0, 0.6, 1) 0ms',
              paddingLeft: (theme) => (sidebarIsOpen ? theme.spacing(4) : theme.spacing(2)),
            },
          }}
        >
          {children}
        </List>
      </Collapse>
    </div>
  );
};
