import polyglotI18nProvider from 'ra-i18n-polyglot';
import { raChineseBase, raChineseSupplement } from './raChinese';
import { zhApp } from './zh';
import { DEFAULT_LOCALE, LOCALES } from './locales';
import { mergeMessages } from './merge';
import { resourceMessages } from './resourceMessages';

export { mergeMessages };

/** Chinese: the 4.x community pack, our translations of the keys it lacks, and the app messages. */
export const zhMessages = mergeMessages(raChineseBase, raChineseSupplement, resourceMessages(zhApp.resources, 'zh'), zhApp);

/** English is a chunk of its own, fetched when a user switches to it (most never do). */
export const loadEnMessages = () => import('./enMessages').then((m) => m.enMessages);

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? loadEnMessages() : zhMessages),
  DEFAULT_LOCALE,
  LOCALES,
  { allowMissing: true },
);
