import { fetchUtils } from 'react-admin';
import { i18nProvider } from '../i18n';
import { acceptLanguageFor } from '../i18n/locales';
import { getToken } from './session';

function withApiHeaders(init?: HeadersInit): Headers {
  const headers = new Headers(init);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', acceptLanguageFor(i18nProvider.getLocale()));
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

/**
 * fetchJson with the headers every API call carries: the bearer token (when signed in) and the
 * Accept-Language of the current UI locale (the server translates its messages from it).
 * Rejects with react-admin's HttpError(body.message, status, body) on non-2xx.
 */
export function apiFetch(url: string, options: fetchUtils.Options = {}) {
  return fetchUtils.fetchJson(url, {
    ...options,
    headers: withApiHeaders(options.headers as HeadersInit | undefined),
  });
}

/** A raw fetch with the same headers, for binary downloads. */
export function apiFetchRaw(url: string, options: RequestInit = {}) {
  return fetch(url, { ...options, headers: withApiHeaders(options.headers) });
}
