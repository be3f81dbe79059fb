import { MENU, type MenuItem } from '@cop/config';
import type { AppLocale } from './locales';

type Tree = { [key: string]: unknown };

/** The singular of a resource's `name` ('订单 |||| 我的订单' → '订单'). */
const singularOf = (name: unknown) => (typeof name === 'string' ? name.split('||||')[0].trim() : '');

const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...flatten(item.children ?? [])]);

/** react-admin's messages that take only a count, said with the resource's own name. */
const WORDING: Record<AppLocale, (name: string) => Tree> = {
  zh: (name) => ({
    notifications: {
      created: `${name}已创建`,
      updated: `${name}已保存 |||| %{smart_count} 项${name}已保存`,
      deleted: `${name}已删除 |||| %{smart_count} 项${name}已删除`,
    },
  }),
  en: (name) => ({
    notifications: {
      created: `${name} created`,
      updated: `${name} saved |||| %{smart_count} ${name} records saved`,
      deleted: `${name} deleted |||| %{smart_count} ${name} records deleted`,
    },
  }),
};

/**
 * Per-resource messages react-admin looks up before its generic ones: the list title is the menu name of
 * the resource's path (不是「订单 列表」 but 我的订单), and created / saved / deleted name the thing
 * (订单已创建, not 条目已新建). `resources` is a language's `resources` tree (for the names); what it
 * already says (a resource's own `notifications.created`) wins when merged after this.
 */
export function resourceMessages(resources: Record<string, { name?: unknown }>, lang: AppLocale): { resources: Tree } {
  const out: Tree = {};
  for (const [resource, { name }] of Object.entries(resources)) {
    const singular = singularOf(name);
    if (singular) out[resource] = WORDING[lang](singular);
  }
  for (const item of flatten(MENU)) {
    if (!item.path || item.path === '/') continue;
    const resource = item.path.replace(/^\//, '');
    out[resource] = { ...(out[resource] as Tree | undefined), page: { list: item[lang] } };
  }
  return { resources: out };
}
