import { afterEach, describe, expect, it } from 'vitest';
import { MENU, errors, fieldError, invalid, type MenuItem } from '@cop/config';
import { i18nProvider } from '../i18n';

const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
const pages = flatten(MENU).filter((item) => item.path && item.path !== '/');
const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
/** What react-admin's list controller titles a resource's list with. */
const listTitle = (resource: string) =>
  translate(`resources.${resource}.page.list`, {
    _: translate('ra.page.list', { name: translate(`resources.${resource}.name`, { smart_count: 2 }) }),
  });

afterEach(() => i18nProvider.changeLocale('zh'));

describe('page titles and generic messages name things (issue 13 #25)', () => {
  it('every list is titled with its menu name, in both languages (no 「订单 列表」)', async () => {
    for (const item of pages) expect([item.path, listTitle(item.path!.slice(1))]).toEqual([item.path, item.zh]);
    expect(listTitle('my-orders')).toBe('我的订单');
    expect(listTitle('notifications')).toBe('我的消息');
    await i18nProvider.changeLocale('en');
    for (const item of pages) expect([item.path, listTitle(item.path!.slice(1))]).toEqual([item.path, item.en]);
  });

  it('created / saved / deleted say what was (订单已创建, not 条目已新建); a resource\'s own message wins', () => {
    expect(translate('resources.my-orders.notifications.created', { smart_count: 1 })).toBe('订单已创建');
    expect(translate('resources.roles.notifications.deleted', { smart_count: 1 })).toBe('角色已删除');
    expect(translate('resources.employees.notifications.updated', { smart_count: 1 })).toBe('员工已保存');
    expect(translate('resources.prepaid-accounts.notifications.created', { smart_count: 1 })).toBe('账户已开立，维护好后请启用');
  });

  it('titles and delete dialogs show the record\'s name, not its id', () => {
    const args = { name: '角色', id: 7, recordRepresentation: '下单员' };
    expect(translate('ra.message.delete_title', args)).toBe('删除角色「下单员」');
    expect(translate('ra.message.delete_content', args)).toBe('确定删除角色「下单员」？');
    expect(translate('ra.page.edit', { name: '企业主数据', id: 1, recordRepresentation: '华夏文旅' })).toBe('编辑企业主数据「华夏文旅」');
    expect(translate('ra.page.show', { name: '员工', id: 7, recordRepresentation: 'E001 张三' })).toBe('员工「E001 张三」');
  });
});

describe('server messages name a field by its label once, a permission by its name (issue 13 #35)', () => {
  it('a one-field 400 never shows the field key', () => {
    expect(fieldError('status', '组合产品的子产品须先上架', 'the parts must be listed first').render('zh').message).toBe('状态：组合产品的子产品须先上架');
    expect(fieldError('file', '不是 .xlsx 文件', 'not an .xlsx file').render('zh').message).toBe('不是 .xlsx 文件');
    expect(fieldError('file', '不是 .xlsx 文件', 'not an .xlsx file').render('en').message).toBe('not an .xlsx file');
    expect(fieldError('quantity', '数量应在 1–5 之间', 'must be from 1 to 5').render('zh').message).toBe('数量应在 1–5 之间');
    expect(fieldError('quantity', '数量应在 1–5 之间', 'must be from 1 to 5').render('en').message).toBe('Quantity: must be from 1 to 5');
    expect(fieldError('someInternalKey', '必填', 'required').render('zh').message).toBe('必填');
    // the field's own error (under its input) is unchanged
    expect(invalid({ title: { zh: '必填', en: 'required' } }).render('zh')).toMatchObject({ message: '标题：必填', errors: { title: '必填' } });
  });

  it('a refusal names the permission in the reader\'s language', () => {
    expect(errors.forbidden('strategies.read').render('zh').message).toBe('没有权限（需要「查看销售策略」）');
    expect(errors.forbidden('strategies.read').render('en').message).toBe('Permission denied (requires "View sales strategies")');
  });
});
