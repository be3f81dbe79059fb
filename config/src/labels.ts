import type { Lang, Text } from './errors';
import { labelsIn, LINE_STATUS_LABELS, ORDER_STATUS_LABELS } from './orders';

const t = (zh: string, en: string): Text => ({ zh, en });

/**
 * The labels of enumeration codes, one table for the console's screens (its zh / en dictionaries take
 * these namespaces from here) and the server's Excel exports: a code never reaches a reader raw.
 */
export const CODE_LABELS = {
  order_status: ORDER_STATUS_LABELS,
  line_status: LINE_STATUS_LABELS,
  order_channel: {
    individual: t('个人客户', 'Individual'),
    gov: t('政府企业客户', 'Gov-enterprise'),
    employee: t('员工内购', 'Employee purchase'),
  },
  payment_mode: {
    prepaid: t('预付款', 'Prepaid'),
    credit: t('赊销', 'Credit'),
  },
  transaction_kind: {
    topup: t('充值', 'Top-up'),
    freeze: t('冻结', 'Freeze'),
    capture: t('扣款', 'Payment'),
    release: t('解冻', 'Release'),
    refund: t('退款', 'Refund'),
    repayment: t('还款', 'Repayment'),
    adjustment: t('调整', 'Adjustment'),
    limit: t('额度变更', 'Limit change'),
  },
  transaction_direction: {
    in: t('收入', 'In'),
    out: t('支出', 'Out'),
  },
  incentive_kind: {
    collaboration: t('协同值', 'Collaboration points'),
    bonus: t('奖金值', 'Bonus points'),
  },
  incentive_event: {
    order_paid: t('订单支付', 'Order paid'),
    order_fulfilled: t('订单履约', 'Order fulfilled'),
    order_refunded: t('退款冲回', 'Refund reversal'),
  },
} satisfies Record<string, Record<string, Text>>;

export type CodeLabelSet = keyof typeof CODE_LABELS;

/** One namespace of the table in one language: code → text (what a dictionary of the console holds). */
export function codeLabelsIn(set: CodeLabelSet, lang: Lang): Record<string, string> {
  return labelsIn(CODE_LABELS[set] as Record<string, Text>, lang);
}

/** A code's label in a language; an unknown code is shown as it is. */
export function codeLabel(set: CodeLabelSet, code: unknown, lang: Lang): string {
  const text = (CODE_LABELS[set] as Record<string, Text>)[String(code)];
  return text ? text[lang] : String(code);
}

const SHANGHAI_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** An instant as Beijing time, `YYYY-MM-DD HH:mm:ss` (how exports and screens show times). */
export function shanghaiTime(at: Date | string | number): string {
  const parts = Object.fromEntries(SHANGHAI_TIME.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
