/** 'a.b.c' → value, for every string leaf of a message tree. */
export function flattenMessages(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object') {
        for (const [k, v] of flattenMessages(value, path)) out.set(k, v);
      } else {
        out.set(path, value);
      }
    }
  }
  return out;
}
