/** The strip of recently visited menu pages (已访问菜单列表), stored in localStorage per user. */
export interface RecentEntry {
  key: string;
  at: number;
}

export const MAX_RECENT = 8;

export function recentStorageKey(userId: string | number): string {
  return `cop.recent.${userId}`;
}

export function loadRecent(userId: string | number): RecentEntry[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(recentStorageKey(userId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((e) => e && typeof e.key === 'string' && typeof e.at === 'number')
      : [];
  } catch {
    return [];
  }
}

export function saveRecent(userId: string | number, entries: RecentEntry[]): void {
  localStorage.setItem(recentStorageKey(userId), JSON.stringify(entries));
}

/**
 * Record a visit: a known tab keeps its place (tabs do not jump around) and gets a new time; a new
 * tab is appended; beyond `max` the least recently visited other tab is dropped.
 */
export function visit(entries: RecentEntry[], key: string, at: number, max = MAX_RECENT): RecentEntry[] {
  if (entries.some((e) => e.key === key)) {
    return entries.map((e) => (e.key === key ? { key, at } : e));
  }
  let next = [...entries, { key, at }];
  while (next.length > max) {
    const others = next.filter((e) => e.key !== key);
    const oldest = others.reduce((a, b) => (b.at < a.at ? b : a));
    next = next.filter((e) => e !== oldest);
  }
  return next;
}

export function close(entries: RecentEntry[], key: string): RecentEntry[] {
  return entries.filter((e) => e.key !== key);
}
