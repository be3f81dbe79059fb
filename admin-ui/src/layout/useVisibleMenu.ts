import { useCallback, useMemo } from 'react';
import { useLocaleState, usePermissions } from 'react-admin';
import { menuFor, type MenuItem } from '@cop/config';
import type { CopPermissions } from '../auth/session';
import { visibleMenuItems } from '../auth/access';
import { vocabularyLang } from '../i18n/locales';

/** The menu of the signed-in user (@cop/config menuFor) and its flattened, routable items. */
export function useVisibleMenu() {
  const { permissions, isPending } = usePermissions<CopPermissions>();
  const menu = useMemo(
    () => (permissions ? menuFor(permissions.kind, permissions.permissions) : []),
    [permissions],
  );
  const items = useMemo(() => visibleMenuItems(permissions), [permissions]);
  return { menu, items, permissions, isPending };
}

/** Menu labels come from the shared vocabulary, in the current UI language. */
export function useMenuLabel() {
  const [locale] = useLocaleState();
  return useCallback((item: MenuItem) => item[vocabularyLang(locale)], [locale]);
}
