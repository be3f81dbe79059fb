import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { enApp } from '../i18n/en';
import { zhApp } from '../i18n/zh';
import { i18nProvider, zhMessages } from '../i18n';
import { enMessages } from '../i18n/enMessages';
import { raChineseBase, unwrapMessages } from '../i18n/raChinese';
import { flattenMessages } from './flatten';

const CJK = /[\u3400-\u9fff]/;
/** Letters outside %{placeholders}: text a translator should have turned into Chinese. */
const hasWords = (text: string) => /[A-Za-z]{2,}/.test(text.replace(/%\{[^}]*\}/g, ''));

describe('zh message pack', () => {
  const zh = flattenMessages(zhMessages);
  const en = flattenMessages(enMessages);

  it('has every key of the English pack (ra-language-english + app messages)', () => {
    const reference = new Set([...flattenMessages(englishMessages).keys(), ...flattenMessages(enApp).keys()]);
    const missing = [...reference].filter((key) => !zh.has(key));
    expect(missing).toEqual([]);
    expect(en.size).toBeGreaterThanOrEqual(reference.size);
  });

  it('has only non-empty strings, none left in English', () => {
    const untranslated = [...zh].filter(([key, value]) => {
      const english = en.get(key);
      if (typeof value !== 'string') return true;
      if (!value.trim()) return value !== english; // ra.boolean.null is a blank in every language
      return value === english && hasWords(value) && !CJK.test(value);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('uses the Chinese react-admin pack, not an English fallback', () => {
    expect(zh.get('ra.action.save')).toBe('保存');
    expect(zh.get('ra.action.reset')).toMatch(CJK);
    expect(zh.get('ra.page.access_denied')).toMatch(CJK);
    expect(zh.get('ra.navigation.clear_filters')).toMatch(CJK);
    expect(zh.get('ra.validation.unique')).toMatch(CJK);
    expect(raChineseBase.ra.action.save).toBe('保存');
  });

  it('app messages have the same keys in both languages', () => {
    expect([...flattenMessages(zhApp).keys()].sort()).toEqual([...flattenMessages(enApp).keys()].sort());
  });

  it('unwraps the CommonJS default export however the bundler hands it over', () => {
    const messages = { ra: { action: { save: '保存' } } };
    expect(unwrapMessages(messages)).toBe(messages);
    expect(unwrapMessages({ default: messages })).toBe(messages);
    expect(unwrapMessages({ default: { default: messages } })).toBe(messages);
    expect(() => unwrapMessages({ default: {} })).toThrow();
  });

  it('defaults to Chinese and switches to English', async () => {
    expect(i18nProvider.getLocale()).toBe('zh');
    expect(i18nProvider.translate('ra.action.save')).toBe('保存');
    expect(i18nProvider.translate('cop.home.title_supplier')).toBe('供货方首页');
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('ra.action.save')).toBe('Save');
    await i18nProvider.changeLocale('zh');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['zh', 'en']);
  });
});
