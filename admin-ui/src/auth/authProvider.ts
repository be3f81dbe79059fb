import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { apiFetch } from './httpClient';
import { canAccessWith } from './access';
import {
  clearSession,
  getStoredUser,
  getToken,
  saveSession,
  saveUser,
  toPermissions,
  type SessionUser,
} from './session';

export interface LoginParams {
  identifier: string;
  password: string;
  captchaId: string;
  captchaCode: string;
}

export interface Captcha {
  captchaId: string;
  svg: string;
}

/** A fresh single-use captcha. */
export async function fetchCaptcha(): Promise<Captcha> {
  const { json } = await apiFetch('/api/auth/captcha', { cache: 'no-store' });
  return json as Captcha;
}

/** The user of the current token, verified once per page load against /api/console/session. */
let sessionPromise: Promise<SessionUser> | null = null;

function loadSession(): Promise<SessionUser> {
  if (!getToken()) {
    sessionPromise = null;
    return Promise.reject(new HttpError('', 401));
  }
  if (!sessionPromise) {
    sessionPromise = apiFetch('/api/console/session')
      .then(({ json }) => {
        saveUser(json as SessionUser);
        return json as SessionUser;
      })
      .catch((error) => {
        if (error?.status === 401) {
          clearSession();
          sessionPromise = null;
          throw error;
        }
        // Server unreachable or failing: keep working with the user stored at sign-in.
        const stored = getStoredUser();
        if (stored) return stored;
        sessionPromise = null;
        throw error;
      });
  }
  return sessionPromise;
}

/** For tests: forget the per-page-load session check. */
export function resetSessionCache(): void {
  sessionPromise = null;
}

export const authProvider: AuthProvider = {
  async login({ identifier, password, captchaId, captchaCode }: LoginParams) {
    const { json } = await apiFetch('/api/auth/local', {
      method: 'POST',
      body: JSON.stringify({ identifier, password, captchaId, captchaCode }),
    });
    const { jwt, user } = json as { jwt: string; user: SessionUser };
    if (!jwt || !user) throw new HttpError('', 500, json);
    saveSession(jwt, user);
    sessionPromise = Promise.resolve(user);
  },

  /** Signing out revokes the token on the server (every session of this user), then forgets it here. */
  async logout() {
    if (getToken()) await apiFetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    clearSession();
    sessionPromise = null;
  },

  async checkAuth() {
    if (!getToken()) throw { message: false };
  },

  async checkError(error) {
    if (error?.status === 401) {
      clearSession();
      sessionPromise = null;
      throw error;
    }
    // 403 and everything else: stay signed in, the error shows as a notification.
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await loadSession();
    return {
      id: user.id,
      fullName: user.displayName || user.username,
      username: user.username,
      enterprise: user.enterprise,
      isEnterpriseAdmin: user.isEnterpriseAdmin,
    };
  },

  async getPermissions() {
    return toPermissions(await loadSession());
  },

  async canAccess({ resource, action }) {
    const user = await loadSession().catch(() => null);
    return canAccessWith(user && toPermissions(user), resource, action);
  },
};
