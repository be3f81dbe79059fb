import type { Core } from '@strapi/types';
import { errors, invalid } from '@cop/config';
import type { FieldSpec } from '@cop/plugin-console';
import { ENTERPRISE } from '../uids';

const t = errors.text;

/** Who a published record (resource, opportunity, announcement) is for. */
export const AUDIENCES = ['all', 'suppliers', 'sellers', 'named'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const MAX_NAMED = 200;

/** The console fields every audience-published record shares; `audienceKey` is derived, never sent. */
export const audienceFields: Record<string, FieldSpec> = {
  audience: { type: 'enum', values: AUDIENCES, filter: ['eq'] },
  audienceIds: { type: 'ids', max: MAX_NAMED },
};

/**
 * Checks and normalises an audience: `named` needs at least one active enterprise and only active
 * enterprises; the others carry no ids. `audienceKey` ("|3|17|") is what the tenancy rule matches.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async normalise(input: { audience?: unknown; audienceIds?: unknown }) {
    const audience = (input.audience ?? 'all') as Audience;
    if (!AUDIENCES.includes(audience)) throw invalid({ audience: t(`应为 ${AUDIENCES.join('、')}`, `must be one of ${AUDIENCES.join(', ')}`) });
    if (audience !== 'named') return { audience, audienceIds: [] as number[], audienceKey: null };
    const ids = [...new Set(Array.isArray(input.audienceIds) ? (input.audienceIds as number[]) : [])].sort((a, b) => a - b);
    if (!ids.length) throw invalid({ audienceIds: t('指定企业时至少选择一家企业', 'must name at least one enterprise when the audience is named') });
    const found = await strapi.db.query(ENTERPRISE).count({ where: { id: { $in: ids }, state: 'active' } });
    if (found !== ids.length) throw invalid({ audienceIds: t('包含不存在或已停用的企业', 'contains enterprises that do not exist or are disabled') });
    return { audience, audienceIds: ids, audienceKey: `|${ids.join('|')}|` };
  },

  /** The enterprises an audience reaches (for notifications), excluding `except`. */
  async members(record: { audience: Audience; audienceIds?: number[] | null }, except?: number | null): Promise<number[]> {
    const where: Record<string, unknown> = { state: 'active' };
    if (record.audience === 'named') where.id = { $in: record.audienceIds ?? [] };
    else if (record.audience === 'suppliers') where.kind = { $in: ['supplier', 'both'] };
    else if (record.audience === 'sellers') where.kind = { $in: ['seller', 'both'] };
    const rows = await strapi.db.query(ENTERPRISE).findMany({ where, select: ['id'] });
    return (rows as { id: number }[]).map((row) => row.id).filter((id) => id !== except);
  },
});
