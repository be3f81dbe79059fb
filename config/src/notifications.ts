/** Kinds of message-centre notifications, written by every module and filtered in the console. */
export const NOTIFICATION_TYPES = ['system', 'announcement', 'opportunity', 'message', 'agreement', 'audit', 'order', 'payment', 'refund', 'fulfilment'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

type Lang = 'zh' | 'en';
const t = (zh: string, en: string) => ({ zh, en });

/**
 * Notification titles by kind, with `{param}` placeholders. A notification stores its kind and
 * parameters (titleKey, titleParams) besides a Chinese `title`; the console renders the title in the
 * reader's language. Rows written before kinds existed keep their stored title.
 */
export const NOTIFICATION_TITLES = {
  partnership_added: t('{enterprise} 已将贵司添加为合作销售方', '{enterprise} added your company as a partner seller'),
  partnership_stopped: t('{enterprise} 已停止与贵司的合作', '{enterprise} stopped the partnership with your company'),
  partnership_resumed: t('{enterprise} 已恢复与贵司的合作', '{enterprise} resumed the partnership with your company'),
  agreement_confirmed: t('{enterprise} 与贵司的协议「{title}」已确认', 'Agreement "{title}" with {enterprise} is confirmed'),
  agreement_terminated: t('{enterprise} 终止了协议「{title}」', '{enterprise} terminated the agreement "{title}"'),
  opportunity_response: t('{enterprise} 响应了商机「{title}」', '{enterprise} responded to the opportunity "{title}"'),
  announcement_published: t('新公告：{title}', 'New announcement: {title}'),
  order_audit_requested: t('{enterprise} 提交了待审核的政企订单 {number}', '{enterprise} submitted gov-enterprise order {number} for review'),
  order_approved: t('政企订单 {number} 已通过审核，请支付', 'Gov-enterprise order {number} was approved: please pay'),
  order_rejected: t('政企订单 {number} 被驳回', 'Gov-enterprise order {number} was rejected'),
  order_paid: t('订单 {number} 已支付 {amount} 元', 'Order {number} was paid: ¥{amount}'),
  order_closed_partnership: t('订单 {number} 因供货方停止合作已关闭', 'Order {number} was closed: the supplier stopped the partnership'),
  order_line_fulfilled: t('订单 {number} 的「{product}」已履约', '"{product}" of order {number} was fulfilled'),
  order_line_partial: t('订单 {number} 的「{product}」部分使用 {used} 份', '{used} of "{product}" of order {number} were used'),
  order_line_failed: t('订单 {number} 的「{product}」履约失败：{reason}', 'Fulfilment of "{product}" of order {number} failed: {reason}'),
  order_line_corrected: t('订单 {number} 的「{product}」履约信息已更正', 'The fulfilment of "{product}" of order {number} was corrected'),
  refund_requested: t('订单 {number} 申请退款，待审核', 'Order {number} asks for a refund, awaiting review'),
  refund_done: t('订单 {number} 已退款 {amount} 元', 'Order {number} was refunded ¥{amount}'),
  refund_rejected: t('订单 {number} 的退款申请被驳回', 'The refund request of order {number} was rejected'),
} as const;

export type NotificationTitleKey = keyof typeof NOTIFICATION_TITLES;
export type NotificationParams = Record<string, string | number>;

/** A kind's title in a language with its parameters; null for an unknown kind (an old row: use its stored title). */
export function notificationTitle(key: unknown, params: unknown, lang: Lang): string | null {
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(NOTIFICATION_TITLES, key)) return null;
  const values = params && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  return NOTIFICATION_TITLES[key as NotificationTitleKey][lang]
    .replace(/\{(\w+)\}/g, (_, name: string) => (values[name] === undefined || values[name] === null ? '' : String(values[name])))
    .slice(0, 200);
}

/** What a notification stores for its title: the kind, its parameters and the Chinese text (admin panel, search). */
export function titled(key: NotificationTitleKey, params: NotificationParams): { title: string; titleKey: NotificationTitleKey; titleParams: NotificationParams } {
  return { title: notificationTitle(key, params, 'zh')!, titleKey: key, titleParams: params };
}
