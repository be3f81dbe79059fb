import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider, type GetListParams, type Identifier, type RaRecord } from 'react-admin';
import { apiFetch, apiFetchRaw } from './auth/httpClient';

export const API_BASE = '/api/console';

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface CopDataProvider extends DataProvider {
  resetAccountPassword(id: Identifier, password: string): Promise<{ data: RaRecord }>;
  markNotificationRead(id: Identifier): Promise<{ data: RaRecord }>;
  markAllNotificationsRead(): Promise<{ data: unknown }>;
  importEmployees(file: File): Promise<{ imported: number }>;
  downloadEmployeeTemplate(): Promise<{ blob: Blob; filename?: string }>;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Date filters (`createdAt_gte: '2025-01-31'`) are whole days in Asia/Shanghai: a lower bound starts
 * the day, an upper bound ends it. Everything else passes through unchanged.
 */
export function normalizeFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && DATE_ONLY.test(value)) {
      if (key.endsWith('_gte') || key.endsWith('_gt')) {
        out[key] = `${value}T00:00:00.000+08:00`;
        continue;
      }
      if (key.endsWith('_lte') || key.endsWith('_lt')) {
        out[key] = key.endsWith('_lte') ? `${value}T23:59:59.999+08:00` : `${value}T00:00:00.000+08:00`;
        continue;
      }
    }
    out[key] = value;
  }
  return out;
}

function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : undefined;
}

const base = simpleRestProvider(API_BASE, apiFetch);

export const dataProvider: CopDataProvider = {
  ...base,
  getList: (resource: string, params: GetListParams) =>
    base.getList(resource, { ...params, filter: normalizeFilter(params.filter) }),

  async resetAccountPassword(id, password) {
    const { json } = await apiFetch(`${API_BASE}/accounts/${encodeURIComponent(String(id))}/reset-password`, {
      method: 'POST',
      body: JSON.stringify({ password }),
    });
    return { data: json };
  },

  async markNotificationRead(id) {
    const { json } = await apiFetch(`${API_BASE}/notifications/${encodeURIComponent(String(id))}/read`, {
      method: 'POST',
    });
    return { data: json };
  },

  async markAllNotificationsRead() {
    const { json } = await apiFetch(`${API_BASE}/notifications/read-all`, { method: 'POST' });
    return { data: json };
  },

  async importEmployees(file) {
    const body = new FormData();
    body.append('file', file, file.name);
    const { json } = await apiFetch(`${API_BASE}/employees/import`, { method: 'POST', body });
    return json as { imported: number };
  },

  async downloadEmployeeTemplate() {
    const response = await apiFetchRaw(`${API_BASE}/employees/import-template`);
    if (!response.ok) {
      let body: any;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      throw new HttpError(body?.message || response.statusText, response.status, body);
    }
    return {
      blob: await response.blob(),
      filename: filenameFrom(response.headers.get('Content-Disposition')),
    };
  },
};
