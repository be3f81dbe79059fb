import type { UploadedFile } from '../../dataProvider';
import { enumChoices } from '../shared';

export const PRODUCT_CATEGORIES = ['ticket', 'catering', 'retail', 'coupon'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
/** A product page: one per category, plus the combos. */
export type ProductPage = ProductCategory | 'combo';

export const PRODUCT_STATUSES = ['listed', 'unlisted'] as const;
export const FULFILMENT_MODES = ['code', 'courier'] as const;
export const STOCK_MODES = ['none', 'total', 'daily'] as const;
export const TICKET_TYPES = ['adult', 'child', 'senior', 'student', 'family', 'other'] as const;
export const MEAL_PERIODS = ['breakfast', 'lunch', 'dinner', 'afternoon-tea', 'all-day'] as const;

export const productStatusChoices = enumChoices('product_status', PRODUCT_STATUSES);
export const productStatusColors = { listed: 'success', unlisted: 'default' } as const;
export const categoryChoices = enumChoices('product_category', PRODUCT_CATEGORIES);
export const fulfilmentModeChoices = enumChoices('fulfilment_mode', FULFILMENT_MODES);
export const stockModeChoices = enumChoices('stock_mode', STOCK_MODES);
export const ticketTypeChoices = enumChoices('ticket_type', TICKET_TYPES);
export const mealPeriodChoices = enumChoices('meal_period', MEAL_PERIODS);

export interface ComboItem {
  productId: number;
  quantity: number;
}

export interface ProductRecord {
  id: number;
  category: ProductCategory;
  name: string;
  description?: string | null;
  status: (typeof PRODUCT_STATUSES)[number];
  referencePrice?: number | null;
  fulfilmentMode?: (typeof FULFILMENT_MODES)[number];
  stockMode?: (typeof STOCK_MODES)[number];
  isCombo?: boolean;
  mainProductId?: number | null;
  comboItems?: ComboItem[];
  pictures?: number[];
  /** The pictures described (GET /products/:id/picture?fileId= serves them). */
  pictureFiles?: UploadedFile[];
  createdAt?: string;
  [field: string]: unknown;
}

/** Fields every product writes (category and isCombo are create only, status changes through list/unlist). */
export const COMMON_WRITABLE = ['name', 'description', 'referencePrice', 'fulfilmentMode', 'stockMode'] as const;

/** The fields of each category. */
export const CATEGORY_WRITABLE: Record<ProductCategory, readonly string[]> = {
  ticket: ['scenicSpot', 'ticketType', 'entryRule'],
  catering: ['venue', 'mealPeriod'],
  retail: ['sku', 'spec', 'shippingRequired'],
  coupon: ['faceValue', 'couponValidFrom', 'couponValidTo', 'usageRules'],
};

export const COMBO_WRITABLE = ['comboItems', 'mainProductId'] as const;

/** The body of PUT /products/:id for a product of this kind. */
export function productWritable(record: { category?: string; isCombo?: boolean }): string[] {
  if (record.isCombo) return [...COMMON_WRITABLE, ...COMBO_WRITABLE];
  const category = record.category as ProductCategory;
  return [...COMMON_WRITABLE, ...(CATEGORY_WRITABLE[category] ?? [])];
}

/** Combo lines as the server takes them: { productId, quantity } only. */
export const cleanComboItems = (items: unknown): ComboItem[] =>
  Array.isArray(items)
    ? items
        .filter((item) => item && item.productId != null)
        .map((item) => ({ productId: item.productId, quantity: item.quantity }))
    : [];

/** At most this many pictures per product (the server's `pictures` max). */
export const MAX_PRODUCT_PICTURES = 10;

/**
 * Picks the writable fields and tidies the combo lines; the pictures the form holds as uploaded files
 * (`pictureFiles`) go as their ids (`pictures`).
 */
export function productBody(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const body = Object.fromEntries(fields.filter((field) => field in data).map((field) => [field, data[field]]));
  if ('comboItems' in body) body.comboItems = cleanComboItems(body.comboItems);
  if (Array.isArray(data.pictureFiles)) body.pictures = (data.pictureFiles as UploadedFile[]).map((file) => file.id);
  return body;
}
