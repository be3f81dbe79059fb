import { enumChoices } from '../shared';

export const STRATEGY_CHANNELS = ['individual', 'gov'] as const;
export type StrategyChannel = (typeof STRATEGY_CHANNELS)[number];
export const STRATEGY_STATUSES = ['active', 'disabled'] as const;
export const BUSINESS_MODES = ['prepaid', 'credit', 'either'] as const;
export const APPLIES_TO = ['all', 'named'] as const;

export const strategyStatusChoices = enumChoices('strategy_status', STRATEGY_STATUSES);
export const strategyStatusColors = { active: 'success', disabled: 'default' } as const;
export const businessModeChoices = enumChoices('business_mode', BUSINESS_MODES);
export const appliesToChoices = enumChoices('applies_to', APPLIES_TO);

export interface StrategyLine {
  productId: number;
  price: number;
  settlementPrice?: number | null;
  minQuantity: number;
  maxQuantity?: number | null;
  dailyMax?: number | null;
}

export interface StrategyRecord {
  id: number;
  channel: StrategyChannel;
  name: string;
  effectiveFrom: string;
  effectiveTo: string;
  businessMode: (typeof BUSINESS_MODES)[number];
  appliesTo: (typeof APPLIES_TO)[number];
  sellerIds: number[];
  requiresAudit: boolean;
  status: (typeof STRATEGY_STATUSES)[number];
  lines: StrategyLine[];
  createdAt?: string;
}

/** PUT body fields (channel is create only, status changes through enable/disable). */
export const STRATEGY_WRITABLE = [
  'name',
  'effectiveFrom',
  'effectiveTo',
  'businessMode',
  'appliesTo',
  'sellerIds',
  'requiresAudit',
  'lines',
] as const;

const LINE_OPTIONAL = ['settlementPrice', 'maxQuantity', 'dailyMax'] as const;

/** A line as the server takes it: the optional numbers only when set. */
export function cleanLine(line: Record<string, unknown>): StrategyLine {
  const out: Record<string, unknown> = {
    productId: line.productId,
    price: line.price,
    minQuantity: line.minQuantity,
  };
  for (const field of LINE_OPTIONAL) {
    const value = line[field];
    if (value !== null && value !== undefined && value !== '') out[field] = value;
  }
  return out as unknown as StrategyLine;
}

/** The body of POST / PUT: writable fields, sellers only when named, audit only for gov. */
export function strategyBody(data: Record<string, unknown>, channel: StrategyChannel): Record<string, unknown> {
  const body: Record<string, unknown> = Object.fromEntries(
    STRATEGY_WRITABLE.filter((field) => field in data).map((field) => [field, data[field]]),
  );
  body.lines = Array.isArray(data.lines) ? data.lines.filter(Boolean).map(cleanLine) : [];
  body.sellerIds = data.appliesTo === 'named' && Array.isArray(data.sellerIds) ? data.sellerIds : [];
  body.requiresAudit = channel === 'gov' ? !!data.requiresAudit : false;
  return body;
}
