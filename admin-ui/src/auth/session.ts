import type { EnterpriseKind } from '@cop/config';

/** The signed-in user as the server returns it from /api/auth/local and /api/console/session. */
export interface SessionUser {
  id: number;
  username: string;
  email?: string | null;
  displayName?: string | null;
  isEnterpriseAdmin: boolean;
  enterprise: { id: number; name: string; kind: EnterpriseKind };
  permissions: string[];
}

/** What authProvider.getPermissions() returns (usePermissions() in components). */
export interface CopPermissions {
  kind: EnterpriseKind;
  permissions: string[];
  isEnterpriseAdmin: boolean;
}

const TOKEN_KEY = 'cop.jwt';
const USER_KEY = 'cop.user';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function getStoredUser(): SessionUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    const user = JSON.parse(raw) as SessionUser;
    return user && typeof user === 'object' && user.enterprise ? user : null;
  } catch {
    return null;
  }
}

export function saveSession(jwt: string, user: SessionUser): void {
  localStorage.setItem(TOKEN_KEY, jwt);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function saveUser(user: SessionUser): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

export function toPermissions(user: SessionUser): CopPermissions {
  return {
    kind: user.enterprise.kind,
    permissions: Array.isArray(user.permissions) ? user.permissions : [],
    isEnterpriseAdmin: !!user.isEnterpriseAdmin,
  };
}
