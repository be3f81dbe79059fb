import type { TranslationMessages } from 'react-admin';
import chineseModule from '@haxqer/ra-language-chinese';

/**
 * @haxqer/ra-language-chinese is CommonJS (`exports.default = messages`). Depending on the bundler's
 * interop the default import is either the messages or `{ default: messages }` (Vite 8 builds do
 * the latter) — unwrap until we hold the object that has `ra`.
 */
export function unwrapMessages(mod: unknown): TranslationMessages {
  let current: any = mod;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    if ('ra' in current) return current as TranslationMessages;
    current = current.default;
  }
  throw new Error('Chinese react-admin messages could not be loaded');
}

export const raChineseBase: TranslationMessages = unwrapMessages(chineseModule);

/**
 * Keys of ra-language-english 5.x that the 4.x Chinese pack lacks, plus a few it left in English.
 * The unit test i18n.test.ts fails when a new react-admin key is missing here.
 */
export const raChineseSupplement = {
  ra: {
    action: {
      reset: '重置',
      search_columns: '搜索列',
      select_all_button: '全选',
    },
    auth: {
      email: '邮箱',
    },
    configurable: {
      inspector: {
        title: '检查器',
      },
    },
    message: {
      access_denied: '您没有访问此页面的权限',
      authentication_error: '认证服务返回错误，无法验证您的身份。',
      select_all_limit_reached: '数据过多，无法全部选中，仅选中了前 %{max} 项。',
      placeholder_data_warning: '网络异常：数据刷新失败。',
      // the 4.x pack says 删除 员工 #7 / 您确定要删除该条目?: name the record (its recordRepresentation)
      delete_title: '删除%{name}「%{recordRepresentation}」',
      delete_content: '确定删除%{name}「%{recordRepresentation}」？',
      bulk_delete_title: '删除%{name} |||| 删除 %{smart_count} 项%{name}',
      bulk_delete_content: '确定删除该%{name}？ |||| 确定删除选中的 %{smart_count} 项%{name}？',
    },
    navigation: {
      clear_filters: '清除筛选条件',
      no_filtered_results: '当前筛选条件下没有找到%{name}。',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} / 超过 %{offsetEnd} 条',
    },
    notification: {
      offline: '网络未连接，无法获取数据。',
    },
    page: {
      access_denied: '无权访问',
      authentication_error: '身份认证错误',
      dashboard: '首页',
      // names, not ids (企业主数据 #1); list titles are the menu names (resourceMessages.ts)
      create: '新建%{name}',
      edit: '编辑%{name}「%{recordRepresentation}」',
      show: '%{name}「%{recordRepresentation}」',
      list: '%{name}',
    },
    validation: {
      unique: '必须唯一',
    },
    guesser: {
      empty: {
        title: '暂无数据',
        message: '请检查数据提供者（dataProvider）',
      },
    },
    // ra-input-rich-text's toolbar (公告内容), which has only English defaults
    tiptap: {
      align_left: '左对齐',
      align_right: '右对齐',
      align_center: '居中',
      align_justify: '两端对齐',
      bold: '加粗',
      italic: '斜体',
      underline: '下划线',
      strike: '删除线',
      highlight: '高亮',
      code: '代码',
      color: '文字颜色',
      clear_format: '清除格式',
      image: '图片',
      image_dialog: '图片地址',
      link: '添加链接',
      list_bulleted: '无序列表',
      list_numbered: '有序列表',
      blockquote: '引用',
      paragraph: '正文',
      heading1: '标题 1',
      heading2: '标题 2',
      heading3: '标题 3',
      heading4: '标题 4',
      heading5: '标题 5',
      heading6: '标题 6',
      current_level: '当前级别',
      select_level: '选择级别',
    },
  },
};
