import type { TranslationMessages } from 'react-admin';

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Deep merge of message trees; later sources win. Never mutates its inputs. */
export function mergeMessages(...sources: object[]): TranslationMessages {
  const merge = (target: Tree, source: Tree): Tree => {
    const out: Tree = { ...target };
    for (const [key, value] of Object.entries(source)) {
      out[key] = isTree(value) && isTree(out[key]) ? merge(out[key] as Tree, value) : value;
    }
    return out;
  };
  return sources.reduce<Tree>((acc, source) => merge(acc, source as Tree), {}) as TranslationMessages;
}
