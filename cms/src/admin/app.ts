/**
 * The Strapi admin panel (/admin), customised: the platform operator works in 简体中文. English stays
 * available (profile → interface language); a browser that never chose a language starts in Chinese.
 * Content-type names are the schemas' `info.displayName`; field labels, descriptions and list columns are
 * written at server bootstrap (cms/src/admin-panel/labels.ts).
 */
import type { StrapiApp } from '@strapi/strapi/admin';

/** The Strapi admin's own translation pack (@strapi/admin/dist/admin/admin/src/translations/zh-Hans.json). */
export const PANEL_LOCALE = 'zh-Hans';
// where the admin keeps the chosen interface language (reducer.js LANGUAGE_LOCAL_STORAGE_KEY)
const LANGUAGE_KEY = 'strapi-admin-language';

const title = '协同运营平台';

export default {
  config: {
    locales: [PANEL_LOCALE],
    translations: {
      [PANEL_LOCALE]: {
        'Auth.form.welcome.title': `欢迎使用${title}运营后台`,
        'Auth.form.welcome.subtitle': '平台运营人员登录',
        'app.components.LeftMenu.navbrand.title': title,
        'app.components.LeftMenu.navbrand.workplace': '运营后台',
        'HomePage.header.subtitle': `${title}运营后台`,
      },
      en: {
        'Auth.form.welcome.title': 'Welcome to the operations back office',
        'app.components.LeftMenu.navbrand.title': 'COP operations',
      },
    },
  },
  // runs before the panel renders and reads the stored language
  register(_app: StrapiApp) {
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, PANEL_LOCALE);
    }
  },
};
