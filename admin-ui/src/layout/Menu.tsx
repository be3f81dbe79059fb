import { Menu, useLocation, useStore, type MenuProps } from 'react-admin';
import type { MenuItem } from '@cop/config';
import { matchMenuItem, flattenMenu } from '../auth/access';
import { MenuIcon } from './menuIcons';
import { SubMenu } from './SubMenu';
import { useMenuLabel, useVisibleMenu } from './useVisibleMenu';

/**
 * The sidebar menu, built from @cop/config's menuFor(kind, permissions): the enterprise kind decides
 * the side (supplier / seller), the permissions decide the items. Every item has data-testid="menu-<key>".
 */
export const AppMenu = ({ dense }: MenuProps) => {
  const { menu } = useVisibleMenu();
  const label = useMenuLabel();
  const location = useLocation();
  const [expanded, setExpanded] = useStore<Record<string, boolean>>('cop.menu.expanded', {});

  const renderLeaf = (item: MenuItem) => (
    <Menu.Item
      key={item.key}
      to={item.path ?? '/'}
      primaryText={label(item)}
      leftIcon={<MenuIcon menuKey={item.key} />}
      dense={dense}
      data-testid={`menu-${item.key}`}
    />
  );

  return (
    <Menu>
      {menu.map((item) => {
        if (!item.children) return renderLeaf(item);
        const holdsCurrent = !!matchMenuItem(flattenMenu(item.children), location.pathname);
        const isOpen = expanded[item.key] ?? holdsCurrent;
        return (
          <SubMenu
            key={item.key}
            testId={`menu-${item.key}`}
            label={label(item)}
            icon={<MenuIcon menuKey={item.key} />}
            isOpen={isOpen}
            onToggle={() => setExpanded({ ...expanded, [item.key]: !isOpen })}
          >
            {item.children.map(renderLeaf)}
          </SubMenu>
        );
      })}
    </Menu>
  );
};
