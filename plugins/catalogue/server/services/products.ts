import type { Core } from '@strapi/types';
import { errors, FieldErrors, invalid, warnings } from '@cop/config';
import type { Text } from '@cop/config';
import { isUniqueViolation } from '@cop/plugin-console';
import type { Principal } from '@cop/plugin-console';
import { PRODUCT } from '../uids';

const t = errors.text;
const required = t('不能为空', 'is required');
export const MAX_COMBO_ITEMS = 20;

/** The attributes each category needs, beyond the common ones. */
export const CATEGORY_FIELDS = {
  ticket: { required: ['scenicSpot'], optional: ['ticketType', 'entryRule'] },
  catering: { required: ['venue'], optional: ['mealPeriod'] },
  retail: { required: ['sku'], optional: ['spec', 'shippingRequired'] },
  coupon: { required: ['faceValue', 'couponValidFrom', 'couponValidTo'], optional: ['usageRules'] },
} as const;
type Category = keyof typeof CATEGORY_FIELDS;
const ALL_CATEGORY_FIELDS = Object.values(CATEGORY_FIELDS).flatMap((c) => [...c.required, ...c.optional]);

export interface ComboItem { productId: number; quantity: number }

/** Products in four categories and combos of a supplier's own products. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Category rules on the merged record (existing + changes); returns the cleaned data. */
  checkCategory(category: Category, merged: Record<string, any>, data: Record<string, unknown>) {
    const problems: FieldErrors = {};
    const rules = CATEGORY_FIELDS[category];
    for (const field of rules.required) if (merged[field] === null || merged[field] === undefined || merged[field] === '') problems[field] = required;
    if (category === 'coupon' && merged.couponValidFrom && merged.couponValidTo && merged.couponValidTo < merged.couponValidFrom) {
      problems.couponValidTo = t('不能早于开始日期', 'must not be before couponValidFrom');
    }
    // attributes of other categories make no sense here: clear them
    const allowed = new Set<string>([...rules.required, ...rules.optional]);
    for (const field of ALL_CATEGORY_FIELDS) if (!allowed.has(field) && field in data) data[field] = null;
    if (Object.keys(problems).length) throw invalid(problems);
  },

  /**
   * A retail SKU names one product of its supplier: another product of the same supplier holding it is a
   * 400 on `sku`. The unique index (supplier_id, sku) makes it race-safe (only retail products keep a sku).
   */
  async assertSkuFree(supplierId: number, sku: unknown, exceptId?: number) {
    if (typeof sku !== 'string' || !sku) return;
    const taken = await strapi.db.query(PRODUCT).findOne({
      where: { supplierId, sku, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id', 'name'],
    });
    if (taken) throw invalid({ sku: t(`SKU 已被本企业的产品「${taken.name}」使用`, `is already used by your product "${taken.name}"`) });
  },

  /** Runs a write; a unique violation (a concurrent product took the SKU) becomes the same 400 on `sku`. */
  async withSku<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid({ sku: t('SKU 已被本企业的其他产品使用', 'is already used by another of your products') });
      throw error;
    }
  },

  /** Combo parts: the supplier's own, non-combo, distinct products; the main product is one of them. */
  async checkCombo(principal: Principal, items: unknown, mainProductId: unknown, selfId?: number) {
    if (!Array.isArray(items) || !items.length || items.length > MAX_COMBO_ITEMS) {
      throw invalid({ comboItems: t(`组合产品需要 1–${MAX_COMBO_ITEMS} 个子产品`, `must hold 1 to ${MAX_COMBO_ITEMS} products`) });
    }
    const problems: FieldErrors = {};
    const seen = new Set<number>();
    (items as any[]).forEach((item, i) => {
      if (!item || !Number.isSafeInteger(item.productId) || item.productId < 1) problems[`comboItems.${i}.productId`] = t('应为产品编号', 'must be a product id');
      else if (item.productId === selfId) problems[`comboItems.${i}.productId`] = t('组合产品不能包含自己', 'a combo cannot contain itself');
      else if (seen.has(item.productId)) problems[`comboItems.${i}.productId`] = t('子产品重复', 'is listed twice');
      if (!Number.isSafeInteger(item?.quantity) || item.quantity < 1 || item.quantity > 100) problems[`comboItems.${i}.quantity`] = t('应为 1–100 的整数', 'must be a whole number from 1 to 100');
      if (item && Number.isSafeInteger(item.productId)) seen.add(item.productId);
      if (item && Object.keys(item).some((k) => k !== 'productId' && k !== 'quantity')) problems[`comboItems.${i}`] = t('只能包含 productId 和 quantity', 'may hold only productId and quantity');
    });
    if (Object.keys(problems).length) throw invalid(problems);
    const parts = await strapi.db.query(PRODUCT).findMany({ where: { id: { $in: [...seen] }, supplierId: principal.enterpriseId }, select: ['id', 'category', 'isCombo'] });
    const byId = new Map((parts as any[]).map((p) => [p.id, p]));
    (items as ComboItem[]).forEach((item, i) => {
      const part = byId.get(item.productId);
      if (!part) problems[`comboItems.${i}.productId`] = t('不是本企业的产品', 'is not one of your products');
      else if (part.isCombo) problems[`comboItems.${i}.productId`] = t('组合产品不能嵌套', 'combos cannot contain combos');
    });
    if (!Number.isSafeInteger(mainProductId) || !seen.has(mainProductId as number)) problems.mainProductId = t('主产品必须是子产品之一', 'must be one of the combo items');
    if (Object.keys(problems).length) throw invalid(problems);
    return { category: byId.get(mainProductId as number).category as Category, items: (items as ComboItem[]).map(({ productId, quantity }) => ({ productId, quantity })) };
  },

  /** Pictures are the supplier's own uploads, and images (the upload checked their structure). */
  checkPictures(principal: Principal, pictures: number[] | null | undefined) {
    return strapi.plugin('files').service('files').assertOwned(principal.enterpriseId, pictures ?? [], 'pictures', { images: true });
  },

  async create(principal: Principal, data: Record<string, any>) {
    await this.checkPictures(principal, data.pictures);
    if (data.isCombo) {
      const combo = await this.checkCombo(principal, data.comboItems, data.mainProductId);
      const row = await strapi.db.query(PRODUCT).create({ data: {
        ...data, category: combo.category, comboItems: combo.items, stockMode: 'none', supplierId: principal.enterpriseId, state: 'unlisted',
        ...Object.fromEntries(ALL_CATEGORY_FIELDS.map((f) => [f, null])),
      } });
      await strapi.plugin('inventory').service('stock').setPolicy(row.id, principal.enterpriseId, 'none');
      return row;
    }
    if (!data.category) throw invalid({ category: required });
    if (data.comboItems || data.mainProductId) throw invalid({ comboItems: t('只有组合产品才有子产品', 'only combos have items') });
    this.checkCategory(data.category, data, data);
    if (data.category === 'retail') await this.assertSkuFree(principal.enterpriseId, data.sku);
    const row = await this.withSku(() => strapi.db.query(PRODUCT).create({
      data: { ...data, supplierId: principal.enterpriseId, state: 'unlisted', isCombo: false, stockMode: data.stockMode ?? 'none' },
    }));
    await strapi.plugin('inventory').service('stock').setPolicy(row.id, principal.enterpriseId, row.stockMode);
    return row;
  },

  async update(principal: Principal, existing: Record<string, any>, data: Record<string, any>) {
    await this.checkPictures(principal, data.pictures);
    const merged = { ...existing, ...data };
    if (existing.isCombo) {
      const combo = await this.checkCombo(principal, merged.comboItems, merged.mainProductId, existing.id);
      Object.assign(data, { category: combo.category, comboItems: combo.items, stockMode: 'none' });
    } else {
      if (data.comboItems || data.mainProductId) throw invalid({ comboItems: t('只有组合产品才有子产品', 'only combos have items') });
      this.checkCategory(existing.category, merged, data);
      if (existing.category === 'retail' && 'sku' in data) await this.assertSkuFree(principal.enterpriseId, data.sku, existing.id);
      if (data.stockMode && data.stockMode !== existing.stockMode) {
        await strapi.plugin('inventory').service('stock').setPolicy(existing.id, principal.enterpriseId, data.stockMode);
      }
    }
    return this.withSku(() => strapi.db.query(PRODUCT).update({ where: { id: existing.id }, data }));
  },

  /** productId → its picture ids, for these products (order lines show them). */
  async picturesOf(productIds: number[]): Promise<Map<number, number[]>> {
    if (!productIds.length) return new Map();
    const rows = await strapi.db.query(PRODUCT).findMany({ where: { id: { $in: [...new Set(productIds)] } }, select: ['id', 'pictures'] });
    return new Map((rows as any[]).map((row) => [row.id, (row.pictures ?? []) as number[]]));
  },

  /**
   * What a change would do that is probably not meant (issue 13 #33), asked before saving: switching the
   * stock mode of a product that has sold (what happens to its calendar), unlisting a product that listed
   * combos contain. Nothing is written.
   */
  async warnings(existing: Record<string, any>, change: { stockMode?: string; unlist?: boolean }): Promise<Text[]> {
    const out: Text[] = [];
    if (change.stockMode && !existing.isCombo && change.stockMode !== existing.stockMode) {
      // orders owns what counts as sold
      const sold = await strapi.plugin('orders').service('orders').soldUnits(existing.id) as number;
      const warning = warnings.stockMode(existing.stockMode, change.stockMode, sold);
      if (warning) out.push(warning);
    }
    if (change.unlist && existing.state === 'listed' && !existing.isCombo) {
      const combos = await strapi.db.query(PRODUCT).findMany({
        where: { supplierId: existing.supplierId, isCombo: true, state: 'listed' }, select: ['name', 'comboItems'], orderBy: { id: 'asc' },
      }) as { name: string; comboItems?: ComboItem[] | null }[];
      const containing = combos.filter((combo) => (combo.comboItems ?? []).some((item) => item.productId === existing.id));
      const warning = warnings.unlistInCombos(containing.map((combo) => combo.name));
      if (warning) out.push(warning);
    }
    return out;
  },

  async setStatus(existing: { id: number; isCombo: boolean; comboItems?: ComboItem[] }, status: 'listed' | 'unlisted') {
    if (status === 'listed' && existing.isCombo) {
      const ids = (existing.comboItems ?? []).map((i) => i.productId);
      const listed = await strapi.db.query(PRODUCT).count({ where: { id: { $in: ids }, state: 'listed' } });
      if (listed !== ids.length) throw invalid({ status: t('组合产品的子产品须先上架', 'list every product of the combo first') });
    }
    return strapi.db.query(PRODUCT).update({ where: { id: existing.id }, data: { state: status } });
  },

  /**
   * Order lines → stock lines: a combo reserves its parts (quantity × part quantity), so a combo is
   * limited by its parts' stock. Used by the orders plugin.
   */
  async stockLines(lines: { reference: string; productId: number; quantity: number; day?: string | null }[]) {
    const products = await strapi.db.query(PRODUCT).findMany({ where: { id: { $in: [...new Set(lines.map((l) => l.productId))] } }, select: ['id', 'isCombo', 'comboItems'] });
    const byId = new Map((products as any[]).map((p) => [p.id, p]));
    return lines.flatMap((line) => {
      const product = byId.get(line.productId);
      if (!product?.isCombo) return [line];
      return (product.comboItems as ComboItem[]).map((part) => ({ reference: `${line.reference}/${part.productId}`, productId: part.productId, quantity: line.quantity * part.quantity, day: line.day }));
    });
  },
});
