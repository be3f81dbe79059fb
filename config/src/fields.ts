import type { Text } from './errors';

const t = (zh: string, en: string): Text => ({ zh, en });

/**
 * What a request field is called on screen, for messages that name a field (a one-field 400's message):
 * 数量应在 1–5 之间 is said as it is, 必填 becomes 标题：必填, and a field key never reaches a reader.
 * A field missing here is not named (its own message is the whole message).
 */
export const FIELD_LABELS: Record<string, Text> = {
  name: t('名称', 'Name'),
  title: t('标题', 'Title'),
  body: t('内容', 'Body'),
  status: t('状态', 'Status'),
  quantity: t('数量', 'Quantity'),
  amount: t('金额', 'Amount'),
  reason: t('原因', 'Reason'),
  file: t('文件', 'File'),
  fileId: t('文件', 'File'),
  password: t('密码', 'Password'),
  currentPassword: t('当前密码', 'Current password'),
  username: t('账号', 'Account'),
  email: t('邮箱', 'E-mail'),
  phone: t('手机号', 'Phone'),
  employeeNo: t('工号', 'Employee no.'),
  department: t('部门', 'Department'),
  roleIds: t('角色', 'Roles'),
  permissions: t('权限', 'Permissions'),
  sellerId: t('销售方', 'Seller'),
  supplierId: t('供货方', 'Supplier'),
  productId: t('产品', 'Product'),
  strategyId: t('销售策略', 'Sales strategy'),
  accountId: t('账户', 'Account'),
  counterpartId: t('交流对象', 'Contact'),
  conversationId: t('会话', 'Conversation'),
  message: t('消息', 'Message'),
  sku: t('SKU', 'SKU'),
  stockMode: t('库存模式', 'Stock mode'),
  comboItems: t('组合明细', 'Combo parts'),
  lines: t('明细', 'Lines'),
  validFrom: t('有效期起', 'Valid from'),
  validTo: t('有效期止', 'Valid to'),
  deadline: t('截止时间', 'Deadline'),
  channel: t('渠道', 'Channel'),
  category: t('类别', 'Category'),
  audience: t('发布范围', 'Audience'),
  audienceIds: t('发布对象', 'Recipients'),
  paymentMode: t('付款方式', 'Payment mode'),
  attachmentIds: t('附件', 'Attachments'),
  pictureIds: t('图片', 'Pictures'),
  minQuantity: t('起订量', 'Minimum quantity'),
  maxQuantity: t('限购量', 'Maximum quantity'),
  creditLimit: t('授信额度', 'Credit limit'),
  price: t('价格', 'Price'),
  captchaCode: t('验证码', 'Captcha'),
  deliveryDate: t('使用日期', 'Date of use'),
};

/**
 * The message of a 400 about one field: its own message when that already says the field's name (数量应在…),
 * else 「label：message」 with the field's label (标题：必填), or the message alone when the field has no label.
 */
export function fieldMessage(field: string, text: Text): Text {
  const label = FIELD_LABELS[field];
  const say = (lang: 'zh' | 'en', sep: string) => {
    if (!label) return text[lang];
    const named = text[lang].toLowerCase().includes(label[lang].toLowerCase());
    return named ? text[lang] : `${label[lang]}${sep}${text[lang]}`;
  };
  return t(say('zh', '：'), say('en', ': '));
}
