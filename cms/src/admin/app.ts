/**
 * The Strapi admin panel (/admin), customised: the platform operator works in 简体中文. English stays
 * available (profile → interface language); a browser that never chose a language starts in Chinese.
 * Content-type names are the schemas' `info.displayName`; field labels, descriptions and list columns are
 * written at server bootstrap (cms/src/admin-panel/labels.ts).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { LinkedRecordsPanel } from './linked-records';
import { LINKED_RECORDS_TEXT } from './linked-records-text';

/** The Strapi admin's own translation pack (@strapi/admin/dist/admin/admin/src/translations/zh-Hans.json). */
export const PANEL_LOCALE = 'zh-Hans';
// where the admin keeps the chosen interface language (reducer.js LANGUAGE_LOCAL_STORAGE_KEY)
const LANGUAGE_KEY = 'strapi-admin-language';

const title = '协同运营平台';

/**
 * The content manager's own texts in 简体中文. Strapi 5.54 ships its zh-Hans pack with keys already
 * prefixed by the plugin id, which the content manager prefixes again, so none of them is found and the
 * operator's daily screens (list, edit, save, delete) stay English. These are the ones those screens show.
 */
const CONTENT_MANAGER_ZH: Record<string, string> = {
  'header.name': '内容管理',
  'containers.Home.pluginHeaderTitle': '内容管理',
  'plugin.name': '内容管理',
  'components.LeftMenu.collection-types': '集合类型',
  'components.LeftMenu.single-types': '单一类型',
  'components.LeftMenu.Search.label': '搜索内容类型',
  'models': '集合类型',
  'models.numbered': '集合类型（{number}）',
  'HeaderLayout.button.label-add-entry': '新建条目',
  'pages.ListView.header-subtitle': '共 {number} 条',
  'components.Search.placeholder': '搜索条目…',
  'components.AddFilterCTA.add': '筛选',
  'components.AddFilterCTA.hide': '筛选',
  'components.TableEmpty.withoutFilter': '还没有{contentType}…',
  'components.TableEmpty.withFilters': '没有符合筛选条件的{contentType}…',
  'containers.list.table.row-actions': '行操作',
  'containers.List.modified': '已修改',
  'containers.edit.title.new': '新建条目',
  'containers.edit.panels.default.title': '条目',
  'containers.edit.panels.default.more-actions': '更多操作',
  'containers.edit.header.more-actions': '更多操作',
  'containers.edit.information.document.label': '创建于',
  'containers.edit.information.documentId.label': '文档编号',
  'containers.EditView.saveHint': 'Ctrl / Cmd + Enter 保存',
  'containers.untitled': '未命名',
  'containers.empty-label': '未命名',
  'actions.edit.label': '编辑',
  'actions.clone.label': '复制',
  'actions.delete.label': '删除条目',
  'actions.delete.dialog.body': '确定删除这条记录吗？删除后不能恢复。',
  'actions.discard.label': '放弃修改',
  'actions.discard.dialog.body': '确定放弃修改吗？放弃后不能恢复。',
  'actions.edit.error': '保存时出错。',
  'actions.delete.error': '删除时出错。',
  'actions.clone.error': '复制时出错。',
  'success.record.save': '已保存',
  'success.record.delete': '已删除',
  'success.records.delete': '已删除。',
  'success.record.clone': '已复制',
  'success.record.discard': '已放弃修改',
  'validation.error': '表单有错误，请改正后再保存。',
  'apiError.This attribute must be unique': '{field}必须唯一',
  'preview.panel.title': '预览',
  'preview.panel.button-configuration': '设置预览',
};

export default {
  config: {
    locales: [PANEL_LOCALE],
    translations: {
      [PANEL_LOCALE]: {
        ...Object.fromEntries(Object.entries(CONTENT_MANAGER_ZH).map(([key, text]) => [`content-manager.${key}`, text])),
        'Auth.form.welcome.title': `欢迎使用${title}运营后台`,
        'Auth.form.welcome.subtitle': '平台运营人员登录',
        'app.components.LeftMenu.navbrand.title': title,
        'app.components.LeftMenu.navbrand.workplace': '运营后台',
        'HomePage.header.subtitle': `${title}运营后台`,
        ...LINKED_RECORDS_TEXT[PANEL_LOCALE],
      },
      en: {
        'Auth.form.welcome.title': 'Welcome to the operations back office',
        'app.components.LeftMenu.navbrand.title': 'COP operations',
        ...LINKED_RECORDS_TEXT.en,
      },
    },
  },
  register(_app: StrapiApp) {
    preferChinese();
  },
  bootstrap(app: StrapiApp) {
    // 关联记录: beside the edit form, the names of the records the `…Id` fields point at
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: { addEditViewSidePanel(panels: unknown[]): void } };
    contentManager.apis.addEditViewSidePanel([LinkedRecordsPanel]);
  },
};

/**
 * A browser that never chose a language starts in Chinese. The admin reads the stored choice when its
 * store is made, which is before `register` runs, so this also runs when the panel's entry imports this
 * file (and `register` only repeats it).
 */
function preferChinese() {
  if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
    window.localStorage.setItem(LANGUAGE_KEY, PANEL_LOCALE);
  }
}
preferChinese();
