import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { raChineseBase, raChineseSupplement } from './raChinese';
import { enApp } from './en';
import { zhApp } from './zh';
import { DEFAULT_LOCALE, LOCALES } from './locales';
import { resourceMessages } from './resourceMessages';

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

/** Chinese: the 4.x community pack, our translations of the keys it lacks, and the app messages. */
export const zhMessages = mergeMessages(raChineseBase, raChineseSupplement, resourceMessages(zhApp.resources, 'zh'), zhApp);
export const enMessages = mergeMessages(englishMessages, resourceMessages(enApp.resources, 'en'), enApp);

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? enMessages : zhMessages),
  DEFAULT_LOCALE,
  LOCALES,
  { allowMissing: true },
);
