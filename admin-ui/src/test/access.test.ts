import { describe, expect, it } from 'vitest';
import { MENU, PERMISSION_KEYS, menuFor, permissionsForKind, type MenuItem } from '@cop/config';
import {
  RESOURCE_ACCESS,
  canAccessWith,
  canSeeMenuPath,
  flattenMenu,
  matchMenuItem,
  visibleMenuItems,
} from '../auth/access';

const ALL = [...PERMISSION_KEYS];
const supplier = { kind: 'supplier' as const, permissions: ALL };
const seller = { kind: 'seller' as const, permissions: ALL };
const both = { kind: 'both' as const, permissions: ALL };

const onlySide = (side: 'supplier' | 'seller') => {
  const out: MenuItem[] = [];
  const walk = (items: MenuItem[], inherited?: string[]) =>
    items.forEach((item) => {
      const sides = item.sides ?? inherited;
      if (item.path && sides && sides.length === 1 && sides[0] === side) out.push(item);
      if (item.children) walk(item.children, sides as string[] | undefined);
    });
  walk(MENU);
  return out;
};
const supplierOnly = onlySide('supplier');
const sellerOnly = onlySide('seller');

describe('menu and canAccess by enterprise kind', () => {
  it('the fixtures are meaningful', () => {
    expect(supplierOnly.map((i) => i.key)).toEqual(expect.arrayContaining(['ticket-products', 'individual-strategies', 'individual-orders']));
    expect(sellerOnly.map((i) => i.key)).toEqual(expect.arrayContaining(['order-individual', 'cart', 'my-orders']));
  });

  it('a seller, even holding every key, sees no supplier page', () => {
    const keys = visibleMenuItems(seller).map((i) => i.key);
    for (const item of supplierOnly) {
      expect(keys).not.toContain(item.key);
      expect(canSeeMenuPath(seller, item.path!)).toBe(false);
    }
    expect(keys).toEqual(expect.arrayContaining(sellerOnly.map((i) => i.key)));
    for (const resource of ['products', 'strategies', 'stock-days']) {
      expect(canAccessWith(seller, resource, 'list')).toBe(false);
      expect(canAccessWith(seller, resource, 'create')).toBe(false);
    }
    expect(canAccessWith(seller, 'partnerships', 'list')).toBe(true);
    expect(canAccessWith(seller, 'partnerships', 'create')).toBe(false); // partnerships.write is supplier-only
    expect(canAccessWith(seller, 'agreements', 'edit')).toBe(false);
    expect(canAccessWith(seller, 'cart-items', 'create')).toBe(true);
  });

  it('a supplier, even holding every key, sees no seller page', () => {
    const keys = visibleMenuItems(supplier).map((i) => i.key);
    for (const item of sellerOnly) {
      expect(keys).not.toContain(item.key);
      expect(canSeeMenuPath(supplier, item.path!)).toBe(false);
    }
    expect(keys).toEqual(expect.arrayContaining(supplierOnly.map((i) => i.key)));
    expect(canAccessWith(supplier, 'cart-items', 'list')).toBe(false);
    expect(canAccessWith(supplier, 'catalogue', 'list')).toBe(false);
    expect(canAccessWith(supplier, 'orders', 'create')).toBe(false); // orders.place is seller-only
    expect(canAccessWith(supplier, 'products', 'create')).toBe(true);
  });

  it('an enterprise of kind both sees both sides', () => {
    const keys = visibleMenuItems(both).map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining([...supplierOnly, ...sellerOnly].map((i) => i.key)));
  });

  it('read actions need <area>.read, write actions need <area>.write', () => {
    const reader = { kind: 'supplier' as const, permissions: ['accounts.read', 'employees.read', 'employees.write'] };
    expect(canAccessWith(reader, 'accounts', 'list')).toBe(true);
    expect(canAccessWith(reader, 'accounts', 'show')).toBe(true);
    expect(canAccessWith(reader, 'accounts', 'create')).toBe(false);
    expect(canAccessWith(reader, 'accounts', 'edit')).toBe(false);
    expect(canAccessWith(reader, 'accounts', 'delete')).toBe(false);
    expect(canAccessWith(reader, 'employees', 'delete')).toBe(true);
    expect(canAccessWith(reader, 'roles', 'list')).toBe(false);
    expect(canAccessWith(reader, 'enterprises', 'show')).toBe(false);
    expect(canAccessWith(reader, 'unknown-resource', 'list')).toBe(false);
    expect(canAccessWith(null, 'accounts', 'list')).toBe(false);
  });

  it('notifications are always allowed to a signed-in user', () => {
    const nobody = { kind: 'seller' as const, permissions: [] };
    expect(canAccessWith(nobody, 'notifications', 'list')).toBe(true);
    expect(canAccessWith(nobody, 'notifications', 'edit')).toBe(true);
    expect(visibleMenuItems(nobody).map((i) => i.key)).toEqual(['home', 'notifications']);
  });

  it('maps only real permission keys, and the admin of each kind can reach every ready page', () => {
    for (const entry of Object.values(RESOURCE_ACCESS)) {
      for (const key of [entry.read, entry.write]) if (key) expect(PERMISSION_KEYS).toContain(key);
    }
    for (const kind of ['supplier', 'seller'] as const) {
      const admin = { kind, permissions: permissionsForKind(kind) };
      for (const resource of ['enterprises', 'accounts', 'roles', 'employees']) {
        expect(canAccessWith(admin, resource, 'list')).toBe(true);
        expect(canAccessWith(admin, resource, 'edit')).toBe(true);
      }
      expect(flattenMenu(menuFor(kind, admin.permissions)).length).toBe(visibleMenuItems(admin).length);
    }
  });

  it('matches locations to menu items', () => {
    const items = visibleMenuItems(supplier);
    expect(matchMenuItem(items, '/')?.key).toBe('home');
    expect(matchMenuItem(items, '/accounts')?.key).toBe('accounts');
    expect(matchMenuItem(items, '/accounts/3')?.key).toBe('accounts');
    expect(matchMenuItem(items, '/products/ticket')?.key).toBe('ticket-products');
    expect(matchMenuItem(items, '/accountsX')).toBeUndefined();
    expect(matchMenuItem(items, '/login')).toBeUndefined();
  });
});
