import { PERMISSIONS, permissionsForKind, type EnterpriseKind, type PermissionKey } from '@cop/config';

export interface PermissionGroup {
  area: string;
  keys: PermissionKey[];
}

/** The area of a permission key is the part before the dot ('orders.place' → 'orders'). */
export const areaOf = (key: string) => key.split('.')[0];

/** The permissions an enterprise of this kind can grant, grouped by area in @cop/config's order. */
export function permissionGroups(kind: EnterpriseKind): PermissionGroup[] {
  const groups: PermissionGroup[] = [];
  for (const key of permissionsForKind(kind)) {
    const area = areaOf(key);
    let group = groups.find((g) => g.area === area);
    if (!group) {
      group = { area, keys: [] };
      groups.push(group);
    }
    group.keys.push(key);
  }
  return groups;
}

export const permissionLabel = (key: string, lang: 'zh' | 'en') =>
  key in PERMISSIONS ? PERMISSIONS[key as PermissionKey][lang] : key;
