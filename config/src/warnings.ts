import type { Text } from './errors';

const t = (zh: string, en: string): Text => ({ zh, en });
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * Warnings: a change the platform accepts but that is probably not meant, said before it is saved (the
 * console shows them in a confirm dialog). The rules live here, for the console (data it holds) and the
 * server (data only it has: sales, the combos a product is in).
 */
export const warnings = {
  /** A coupon sold for more than it is worth. */
  couponPrice(referencePrice: unknown, faceValue: unknown): Text | null {
    if (typeof referencePrice !== 'number' || typeof faceValue !== 'number' || referencePrice <= faceValue) return null;
    return t(`参考价 ¥${yuan(referencePrice)} 高于券面值 ¥${yuan(faceValue)}：客户买到的券不值所付的钱。`,
      `The reference price ¥${yuan(referencePrice)} is above the face value ¥${yuan(faceValue)}: the coupon is worth less than it costs.`);
  },

  /** Strategy lines whose settlement price (what the supplier is paid) is above the sale price. */
  settlementPrices(lines: unknown, productName: (productId: unknown) => string = (id) => `#${id}`): Text[] {
    if (!Array.isArray(lines)) return [];
    return lines.flatMap((line) => {
      const { price, settlementPrice, productId } = (line ?? {}) as Record<string, unknown>;
      if (typeof price !== 'number' || typeof settlementPrice !== 'number' || settlementPrice <= price) return [];
      const name = productName(productId);
      return [t(`「${name}」的结算价 ¥${yuan(settlementPrice)} 高于售价 ¥${yuan(price)}：每卖一件销售方都要亏损。`,
        `"${name}": the settlement price ¥${yuan(settlementPrice)} is above the sale price ¥${yuan(price)}: the seller loses on every sale.`)];
    });
  },

  /** Enabling a credit account whose limit is 0: nothing can be paid from it. */
  creditLimitZero(account: { kind?: unknown; creditLimit?: unknown } | undefined): Text | null {
    if (!account || account.kind !== 'credit' || Number(account.creditLimit ?? 0) > 0) return null;
    return t('该赊销账户的授信额度为 0：启用后销售方仍无法用它付款，请先设置额度。',
      'This credit account\'s limit is 0: once enabled the seller still cannot pay from it. Set a limit first.');
  },

  /** Switching a product's stock mode after it has sold: what happens to the stock it had. */
  stockMode(from: string, to: string, sold: number): Text | null {
    if (from === to || sold <= 0) return null;
    const before = `该产品已售出 ${sold} 件。`;
    const beforeEn = `This product has sold ${sold}.`;
    if (to === 'daily') {
      return t(`${before}改为日历库存后，原来的总库存不再使用：每个使用日期都要在库存日历上设置数量，未设置的日期不能下单。`,
        `${beforeEn} With daily stock its total stock is no longer used: set a quantity for each date on the stock calendar; dates without one cannot be ordered.`);
    }
    if (to === 'total') {
      return t(`${before}改为总库存后，库存日历上每天的数量不再使用：请重新设置总库存，设置前不能下单。`,
        `${beforeEn} With total stock the calendar's daily quantities are no longer used: set the total stock; until then it cannot be ordered.`);
    }
    return t(`${before}改为不限库存后，库存日历和总库存都不再使用，下单不再受数量限制。`,
      `${beforeEn} Without stock management neither the calendar nor the total is used, and orders are no longer limited.`);
  },

  /** Unlisting a product that listed combos contain: they can no longer be ordered in full. */
  unlistInCombos(combos: string[]): Text | null {
    if (!combos.length) return null;
    return t(`该产品属于已上架的组合产品 ${combos.map((c) => `「${c}」`).join('、')}：下架后这些组合产品也无法下单。`,
      `This product is part of the listed combo(s) ${combos.map((c) => `"${c}"`).join(', ')}: once unlisted they cannot be ordered either.`);
  },
};
