import { describe, expect, it } from 'vitest';
import { close, visit, MAX_RECENT } from '../layout/recent';

describe('recently visited tabs', () => {
  it('appends new pages, keeps known ones in place, drops the least recently visited', () => {
    let tabs = visit([], 'a', 1);
    tabs = visit(tabs, 'b', 2);
    tabs = visit(tabs, 'a', 3);
    expect(tabs.map((t) => t.key)).toEqual(['a', 'b']);
    for (let i = 0; i < MAX_RECENT - 1; i++) tabs = visit(tabs, `p${i}`, 10 + i);
    expect(tabs).toHaveLength(MAX_RECENT);
    expect(tabs.map((t) => t.key)).not.toContain('b'); // visited at 2, the oldest
    expect(tabs.map((t) => t.key)).toContain('a');
    expect(close(tabs, 'a').map((t) => t.key)).not.toContain('a');
  });
});
