import { describe, expect, it } from 'vitest';
import { MENU, PERMISSION_KEYS, menuFor, permissionsForKind, type MenuItem } from '@cop/config';
import { API_RESOURCE_ALIASES, apiResource } from '../apiResources';
import { PAGE_RESOURCES, isImplemented, resourceNameOf } from '../resources/pages';
import {
  RESOURCE_ACCESS,
  canAccessWith,
  canRunVerb,
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
    expect(canAccessWith(seller, 'my-suppliers', 'list')).toBe(true); // the seller's view of partnerships
    expect(canAccessWith(seller, 'partnerships', 'list')).toBe(false); // /partnerships is the supplier's page
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

  it('matches new page paths to their menu items', () => {
    const items = visibleMenuItems(supplier);
    expect(matchMenuItem(items, '/products/ticket/create')?.key).toBe('ticket-products');
    expect(matchMenuItem(items, '/products/combo/12')?.key).toBe('combo-products');
    expect(matchMenuItem(items, '/stock/7/show')?.key).toBe('stock');
    expect(matchMenuItem(items, '/strategies/gov/3')?.key).toBe('gov-strategies');
    expect(matchMenuItem(visibleMenuItems(seller), '/my-agreements/5/show')?.key).toBe('seller-agreements');
  });
});

/** The side(s) a MENU item belongs to: its own, else its parent's; undefined = both. */
function menuSides(items: MenuItem[], path: string, inherited?: string[]): string[] | undefined | null {
  for (const item of items) {
    const sides = (item.sides as string[] | undefined) ?? inherited;
    if (item.path === path) return sides;
    if (item.children) {
      const found = menuSides(item.children, path, sides);
      if (found !== null) return found;
    }
  }
  return null;
}

describe('the new pages (partnerships, products, stock, strategies, agreements)', () => {
  const paths = Object.keys(PAGE_RESOURCES);
  const menuItems = flattenMenu(MENU);

  it('every page is a MENU path, opens a page instead of "coming soon", and has access and server resource', () => {
    expect(paths.sort()).toEqual(
      [
        '/partnerships',
        '/my-suppliers',
        '/products/ticket',
        '/products/catering',
        '/products/retail',
        '/products/coupon',
        '/products/combo',
        '/stock',
        '/agreements',
        '/my-agreements',
        '/strategies/individual',
        '/strategies/gov',
        '/prepaid-accounts',
        '/prepaid-accounts/credit',
        '/my-accounts',
        '/my-accounts/credit',
        '/order/individual',
        '/order/gov',
        '/cart',
        '/cart/gov',
        '/my-orders',
        '/orders/individual',
        '/orders/gov',
        '/orders/employee',
        '/resources',
        '/resources/favourites',
        '/all-resources',
        '/opportunities',
        '/received-opportunities',
        '/announcements',
        '/received-announcements',
        '/conversations',
        '/incentives/collaboration',
        '/incentives/bonus',
        '/reports',
      ].sort(),
    );
    for (const path of paths) {
      // a MENU path, or a page nested under one (the credit tabs of the account pages)
      const item = menuItems.find((i) => i.path === path) ?? matchMenuItem(menuItems, path);
      expect(item, path).toBeDefined();
      expect(item!.path, path).not.toBe('/');
      expect(isImplemented(item!)).toBe(true);
      const name = resourceNameOf(path);
      const access = RESOURCE_ACCESS[name];
      expect(access, name).toBeDefined();
      // the page needs what its menu item needs, on the same side(s)
      expect(access.read).toBe(item!.permission);
      expect(access.sides ?? null).toEqual(menuSides(MENU, item!.path!) ?? null);
      expect(RESOURCE_ACCESS[apiResource(name)], apiResource(name)).toBeDefined();
    }
    for (const [alias, server] of Object.entries(API_RESOURCE_ALIASES)) {
      expect(paths).toContain(`/${alias}`);
      expect(alias).not.toBe(server);
    }
    // every MENU item now opens a page: none is left "coming soon"
    expect(menuItems.filter((i) => i.path && !isImplemented(i)).map((i) => i.key)).toEqual([]);
  });

  it('a seller cannot create or edit products, stock or strategies, nor open their pages', () => {
    const resources = [
      'products',
      'products/ticket',
      'products/catering',
      'products/retail',
      'products/coupon',
      'products/combo',
      'stock',
      'stock-days',
      'strategies',
      'strategies/individual',
      'strategies/gov',
    ];
    for (const resource of resources) {
      for (const action of ['list', 'show', 'create', 'edit', 'delete']) {
        expect(canAccessWith(seller, resource, action), `${resource} ${action}`).toBe(false);
      }
    }
    for (const resource of ['partnerships', 'agreements']) {
      for (const action of ['list', 'show', 'create', 'edit']) {
        expect(canAccessWith(seller, resource, action), `${resource} ${action}`).toBe(false);
      }
    }
  });

  it('the seller pages are read only and refused to a supplier', () => {
    for (const resource of ['my-suppliers', 'my-agreements']) {
      expect(canAccessWith(seller, resource, 'list')).toBe(true);
      expect(canAccessWith(seller, resource, 'show')).toBe(true);
      expect(canAccessWith(seller, resource, 'create')).toBe(false);
      expect(canAccessWith(seller, resource, 'edit')).toBe(false);
      for (const action of ['list', 'show', 'create', 'edit']) {
        expect(canAccessWith(supplier, resource, action), `${resource} ${action}`).toBe(false);
      }
    }
    expect(canSeeMenuPath(supplier, '/my-suppliers')).toBe(false);
    expect(canSeeMenuPath(supplier, '/my-agreements')).toBe(false);
  });

  it('a supplier works on its pages with the matching keys; an enterprise of kind both reaches both sides', () => {
    for (const resource of ['partnerships', 'products/ticket', 'products/combo', 'strategies/gov', 'agreements']) {
      expect(canAccessWith(supplier, resource, 'list')).toBe(true);
      expect(canAccessWith(supplier, resource, 'create')).toBe(true);
      expect(canAccessWith(supplier, resource, 'edit')).toBe(true);
    }
    expect(canAccessWith(supplier, 'stock', 'list')).toBe(true);
    expect(canAccessWith(supplier, 'stock-days', 'create')).toBe(true);
    const viewer = { kind: 'supplier' as const, permissions: ['products.read', 'strategies.read'] };
    expect(canAccessWith(viewer, 'products/retail', 'list')).toBe(true);
    expect(canAccessWith(viewer, 'products/retail', 'edit')).toBe(false);
    expect(canAccessWith(viewer, 'stock', 'show')).toBe(true);
    expect(canAccessWith(viewer, 'stock-days', 'create')).toBe(false); // stock.write
    expect(canAccessWith(viewer, 'strategies/individual', 'create')).toBe(false);
    for (const resource of ['partnerships', 'my-suppliers', 'agreements', 'my-agreements', 'products/coupon']) {
      expect(canAccessWith(both, resource, 'list')).toBe(true);
    }
  });
});

describe('账户管理: /prepaid-accounts (supplier) and /my-accounts (seller)', () => {
  const supplierPages = ['prepaid-accounts', 'prepaid-accounts/credit'];
  const sellerPages = ['my-accounts', 'my-accounts/credit'];
  const writeActions = ['create', 'edit', 'delete', 'enable', 'disable', 'top-up', 'set-limit', 'repay'];

  it('each page reads its server resource', () => {
    expect(apiResource('prepaid-accounts')).toBe('prepaid-accounts');
    expect(apiResource('prepaid-accounts/credit')).toBe('credit-accounts');
    expect(apiResource('my-accounts')).toBe('prepaid-accounts');
    expect(apiResource('my-accounts/credit')).toBe('credit-accounts');
  });

  it('a seller cannot reach the supplier pages nor their verbs, even holding every key', () => {
    for (const resource of supplierPages) {
      for (const action of ['list', 'show', ...writeActions]) {
        expect(canAccessWith(seller, resource, action), `${resource} ${action}`).toBe(false);
      }
    }
    expect(canSeeMenuPath(seller, '/prepaid-accounts')).toBe(false);
    expect(canSeeMenuPath(seller, '/my-accounts')).toBe(true);
    const sellerAdmin = { kind: 'seller' as const, permissions: permissionsForKind('seller') };
    expect(sellerAdmin.permissions).toContain('ledger.read');
    expect(sellerAdmin.permissions).not.toContain('ledger.write'); // supplier-only key
  });

  it('the seller pages are read only, and refused to a supplier', () => {
    for (const resource of sellerPages) {
      expect(canAccessWith(seller, resource, 'list')).toBe(true);
      expect(canAccessWith(seller, resource, 'show')).toBe(true);
      for (const action of writeActions) expect(canAccessWith(seller, resource, action), `${resource} ${action}`).toBe(false);
      for (const action of ['list', 'show', ...writeActions]) {
        expect(canAccessWith(supplier, resource, action), `${resource} ${action}`).toBe(false);
      }
    }
    expect(canSeeMenuPath(supplier, '/my-accounts')).toBe(false);
    // the transactions of an account: readable on both sides, written by nobody through the console
    for (const subject of [supplier, seller]) {
      expect(canAccessWith(subject, 'account-transactions', 'list')).toBe(true);
      expect(canAccessWith(subject, 'account-transactions', 'create')).toBe(false);
    }
  });

  it('a supplier needs ledger.write for opening, enabling, top-ups, limits and repayments', () => {
    for (const resource of supplierPages) {
      for (const action of ['list', 'show', ...writeActions]) {
        expect(canAccessWith(supplier, resource, action), `${resource} ${action}`).toBe(true);
      }
    }
    const viewer = { kind: 'supplier' as const, permissions: ['ledger.read'] };
    for (const resource of supplierPages) {
      expect(canAccessWith(viewer, resource, 'list')).toBe(true);
      expect(canAccessWith(viewer, resource, 'show')).toBe(true);
      for (const action of writeActions) expect(canAccessWith(viewer, resource, action), `${resource} ${action}`).toBe(false);
    }
    const nobody = { kind: 'supplier' as const, permissions: [] };
    expect(canAccessWith(nobody, 'prepaid-accounts', 'list')).toBe(false);
    expect(canSeeMenuPath(nobody, '/prepaid-accounts')).toBe(false);
  });

  it('an enterprise of kind both reaches both pages; the credit tabs belong to their menu item', () => {
    for (const resource of [...supplierPages, ...sellerPages]) expect(canAccessWith(both, resource, 'list')).toBe(true);
    expect(canAccessWith(both, 'prepaid-accounts/credit', 'set-limit')).toBe(true);
    expect(canAccessWith(both, 'my-accounts/credit', 'repay')).toBe(false);
    expect(matchMenuItem(visibleMenuItems(supplier), '/prepaid-accounts/credit')?.key).toBe('supplier-accounts');
    expect(matchMenuItem(visibleMenuItems(supplier), '/prepaid-accounts/credit/4/show')?.key).toBe('supplier-accounts');
    expect(matchMenuItem(visibleMenuItems(seller), '/my-accounts/credit/4/show')?.key).toBe('seller-accounts');
  });
});

describe('协同: resources, opportunities, announcements, conversations', () => {
  const only = (...permissions: string[]) => ({ kind: 'seller' as const, permissions });
  const pages = [
    'resources',
    'resources/favourites',
    'all-resources',
    'opportunities',
    'received-opportunities',
    'announcements',
    'received-announcements',
    'conversations',
  ];

  it('each page reads its own server resource (the favourites tab: resource-favourites) and is open to both sides', () => {
    expect(apiResource('resources/favourites')).toBe('resource-favourites');
    for (const page of pages.filter((p) => p !== 'resources/favourites')) expect(apiResource(page)).toBe(page);
    for (const subject of [supplier, seller, both]) {
      for (const page of pages) {
        expect(canAccessWith(subject, page, 'list'), `${subject.kind} ${page}`).toBe(true);
        expect(canSeeMenuPath(subject, `/${page}`) || page === 'resources/favourites', `${subject.kind} ${page}`).toBe(true);
      }
    }
    expect(matchMenuItem(visibleMenuItems(seller), '/resources/favourites')?.key).toBe('my-resources');
    expect(matchMenuItem(visibleMenuItems(seller), '/received-opportunities/4/show')?.key).toBe('receive-opportunities');
    expect(matchMenuItem(visibleMenuItems(seller), '/conversations/9/show')?.key).toBe('conversations');
  });

  it('resources.read reads and bookmarks; resources.write creates, edits and runs list / unlist / copy', () => {
    const reader = only('resources.read');
    expect(canAccessWith(reader, 'resources', 'list')).toBe(true);
    expect(canAccessWith(reader, 'all-resources', 'show')).toBe(true);
    expect(canAccessWith(reader, 'resources', 'create')).toBe(false);
    for (const verb of ['list', 'unlist', 'copy']) expect(canRunVerb(reader, 'resources', verb), verb).toBe(false);
    // a favourite is the reader's own bookmark
    expect(canAccessWith(reader, 'resource-favourites', 'create')).toBe(true);
    expect(canAccessWith(reader, 'resources/favourites', 'delete')).toBe(true);
    expect(canAccessWith(reader, 'all-resources', 'edit')).toBe(false);
    const writer = only('resources.read', 'resources.write');
    for (const verb of ['list', 'unlist', 'copy']) expect(canRunVerb(writer, 'resources', verb), verb).toBe(true);
    expect(canAccessWith(writer, 'resources', 'delete')).toBe(true);
    expect(canAccessWith(only(), 'all-resources', 'list')).toBe(false);
  });

  it('opportunities: reading needs .read, publishing, closing and responding need .write', () => {
    const reader = only('opportunities.read');
    expect(canAccessWith(reader, 'opportunities', 'list')).toBe(true);
    expect(canAccessWith(reader, 'received-opportunities', 'show')).toBe(true);
    expect(canAccessWith(reader, 'opportunity-responses', 'list')).toBe(true);
    expect(canRunVerb(reader, 'received-opportunities', 'respond')).toBe(false);
    expect(canRunVerb(reader, 'opportunities', 'close')).toBe(false);
    const writer = only('opportunities.read', 'opportunities.write');
    expect(canRunVerb(writer, 'received-opportunities', 'respond')).toBe(true);
    expect(canRunVerb(writer, 'received-opportunities', 'withdraw')).toBe(true);
    expect(canRunVerb(writer, 'opportunities', 'close')).toBe(true);
    expect(canAccessWith(writer, 'opportunity-responses', 'create')).toBe(false);
  });

  it('announcements: my list needs .write (as its menu item), the received ones .read (reading marks read)', () => {
    const reader = only('announcements.read');
    expect(canAccessWith(reader, 'announcements', 'list')).toBe(false);
    expect(canSeeMenuPath(reader, '/announcements')).toBe(false);
    expect(canAccessWith(reader, 'received-announcements', 'show')).toBe(true);
    expect(canRunVerb(reader, 'received-announcements', 'read')).toBe(true);
    expect(canAccessWith(reader, 'received-announcements', 'edit')).toBe(false);
    const publisher = only('announcements.write');
    expect(canAccessWith(publisher, 'announcements', 'list')).toBe(true);
    for (const verb of ['publish', 'withdraw']) expect(canRunVerb(publisher, 'announcements', verb), verb).toBe(true);
    expect(canAccessWith(publisher, 'received-announcements', 'list')).toBe(false);
  });

  it('conversations.use opens the threads and the messages; the enterprise directory is open to everybody', () => {
    const user = only('conversations.use');
    for (const resource of ['conversations', 'conversation-messages']) {
      expect(canAccessWith(user, resource, 'list')).toBe(true);
      expect(canAccessWith(user, resource, 'create')).toBe(true);
      expect(canAccessWith(only(), resource, 'list')).toBe(false);
    }
    expect(canRunVerb(user, 'conversations', 'read')).toBe(true);
    expect(canAccessWith(only(), 'enterprise-directory', 'list')).toBe(true);
  });
});
