export type AppLocale = 'zh' | 'en';

export const DEFAULT_LOCALE: AppLocale = 'zh';

/** Locale names are shown in their own language in the switcher. */
export const LOCALES: { locale: AppLocale; name: string }[] = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

/** The Accept-Language value the server expects for a UI locale. */
export function acceptLanguageFor(locale: string | undefined): string {
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** Which language field of the shared vocabulary (@cop/config: zh / en) to show. */
export function vocabularyLang(locale: string | undefined): 'zh' | 'en' {
  return locale === 'en' ? 'en' : 'zh';
}
