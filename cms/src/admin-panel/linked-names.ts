/**
 * 关联记录 in the admin panel: our content types keep references as plain integer `…Id` attributes, so the
 * edit view shows bare numbers. `GET /cop-admin/linked-names?uid=<uid>&id=<id or documentId>` (admin JWT)
 * answers, for one record, every id field that has a value with the name of the record it points at.
 * Which content type a field points at comes from the field's text in ./labels.ts (`ref`, `enterprise`,
 * `user`), the name shown is the target's main field there: one table for labels and links.
 */
import type { Core } from '@strapi/strapi';
import { errors, invalid } from '@cop/config';
import { ADMIN_LABELS, targetOf } from './labels';
import { codeMeaning, fieldText } from './apply';

const t = errors.text;

export interface LinkedName {
  /** the attribute, e.g. supplierId */
  field: string;
  /** its Chinese label, e.g. 供货方 */
  label: string;
  /** the content type it points at */
  targetUid: string;
  /** the id stored in the field */
  id: number;
  /** the target's documentId (for a link in the panel), null when the target does not exist */
  targetDocumentId: string | null;
  /** the target's main field, enumeration codes in Chinese; null when the target does not exist */
  name: string | null;
}

const MAX_ID = 2 ** 31 - 1;

type Row = Record<string, unknown> & { id: number; documentId: string };

/** The linked names of one record of one of our content types; 404 for another uid or a missing record. */
export async function linkedNames(
  strapi: Core.Strapi, uid: unknown, key: unknown, canRead: (uid: string) => boolean = () => true,
): Promise<LinkedName[]> {
  if (typeof uid !== 'string' || !uid) throw invalid({ uid: t('请给出内容类型', 'give the content type uid') });
  if (typeof key !== 'string' || !/^(\d{1,10}|[a-z0-9]{1,64})$/i.test(key)) {
    throw invalid({ id: t('请给出记录编号或文档编号', 'give the record id or documentId') });
  }
  const labels = ADMIN_LABELS[uid];
  const model = labels ? strapi.contentTypes[uid as keyof typeof strapi.contentTypes] : undefined;
  if (!labels || !model || !canRead(uid)) throw errors.notFound('content type', uid);
  const numeric = /^\d+$/.test(key);
  if (numeric && (Number(key) < 1 || Number(key) > MAX_ID)) throw errors.notFound(uid, key);
  const where = numeric ? { id: Number(key) } : { documentId: key };
  const record = (await strapi.db.query(uid as never).findOne({ where })) as Row | null;
  if (!record) throw errors.notFound(uid, key);

  // the id fields with a value, grouped by the content type they point at
  const links: Array<{ field: string; label: string; targetUid: string; id: number }> = [];
  for (const field of Object.keys(model.attributes)) {
    const text = fieldText(labels, field);
    const targetUid = targetOf(text);
    const id = Number(record[field]);
    if (!text || !targetUid || record[field] === null || record[field] === undefined || !Number.isSafeInteger(id)) continue;
    links.push({ field, label: text[0], targetUid, id });
  }
  const found = new Map<string, Map<number, Row>>();
  for (const targetUid of new Set(links.map((link) => link.targetUid))) {
    const nameField = ADMIN_LABELS[targetUid]?.mainField;
    const ids = [...new Set(links.filter((link) => link.targetUid === targetUid).map((link) => link.id))]
      .filter((id) => id >= 1 && id <= MAX_ID);
    const rows = ids.length && strapi.contentTypes[targetUid as keyof typeof strapi.contentTypes]
      ? ((await strapi.db.query(targetUid as never).findMany({
        where: { id: { $in: ids } }, select: ['id', 'documentId', ...(nameField ? [nameField] : [])],
      })) as Row[])
      : [];
    found.set(targetUid, new Map(rows.map((row) => [row.id, row])));
  }
  return links.map(({ field, label, targetUid, id }) => {
    const row = found.get(targetUid)?.get(id);
    const targetLabels = ADMIN_LABELS[targetUid];
    const nameField = targetLabels?.mainField;
    const raw = row && nameField ? row[nameField] : undefined;
    const meaning = nameField && raw !== undefined && isEnumeration(strapi, targetUid, nameField)
      ? codeMeaning(targetLabels, nameField, String(raw)) : undefined;
    // a type the admin may not read in the content manager names nothing
    const name = !canRead(targetUid) || raw === undefined || raw === null || raw === '' ? null : meaning ?? String(raw);
    return { field, label, targetUid, id, targetDocumentId: row?.documentId ?? null, name };
  });
}

const isEnumeration = (strapi: Core.Strapi, uid: string, field: string) => {
  const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
  const attributes = model?.attributes as Record<string, { type: string }> | undefined;
  return attributes?.[field]?.type === 'enumeration';
};

/** Registers the admin route (called from the app's register). */
export function registerLinkedNamesRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/cop-admin',
    routes: [
      {
        method: 'GET',
        path: '/linked-names',
        handler: async (ctx: { query: Record<string, unknown>; body: unknown; state: any }) => {
          // what the admin's role may read in the content manager, as the panel itself decides
          const canRead = (uid: string) => Boolean(ctx.state.userAbility?.can('plugin::content-manager.explorer.read', uid));
          ctx.body = { data: await linkedNames(strapi, ctx.query.uid, ctx.query.id, canRead) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
