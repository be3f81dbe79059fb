import type { Core } from '@strapi/strapi';
import { ADMIN_LABELS, ALIASES, CODES, COMMON, type FieldText, type TypeLabels } from './labels';

/** The parts of a content-manager model (strapi.contentTypes[uid] plus id and documentId) read here. */
export interface PanelModel {
  uid: string;
  attributes: Record<string, { type: string; enum?: string[] }>;
}

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

/** The content manager's view configuration of one content type (its list and edit views). */
export interface ViewConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown[] };
}

// what the content manager cannot show as a list column, a main field or a sort key
const NOT_LISTABLE = new Set(['json', 'password', 'richtext', 'dynamiczone', 'blocks', 'component', 'media', 'relation']);
const PAGE_SIZE = 20;

/** The attribute the panel shows for `name`: itself, or its alias (`status` ↔ `state`) in this schema. */
export function resolveField(model: PanelModel, name: string): string | undefined {
  if (model.attributes[name]) return name;
  const alias = ALIASES[name];
  return alias && model.attributes[alias] ? alias : undefined;
}

const isListable = (model: PanelModel, name: string) => !!model.attributes[name] && !NOT_LISTABLE.has(model.attributes[name].type);

/** Chinese [label, description] of a field, or undefined when nobody wrote one. */
export function fieldText(labels: TypeLabels, name: string): FieldText | undefined {
  const alias = ALIASES[name];
  return labels.fields[name] ?? (alias ? labels.fields[alias] : undefined) ?? COMMON[name] ?? (alias ? COMMON[alias] : undefined);
}

/** Chinese meaning of an enumeration code of a field, or undefined. */
export function codeMeaning(labels: TypeLabels, name: string, code: string): string | undefined {
  const alias = ALIASES[name];
  return labels.codes?.[name]?.[code] ?? (alias ? labels.codes?.[alias]?.[code] : undefined) ?? CODES[code];
}

/** The description shown under a field: its own text, then for an enumeration what each code means. */
export function fieldDescription(labels: TypeLabels, model: PanelModel, name: string): string {
  const base = fieldText(labels, name)?.[1] ?? '';
  const values = model.attributes[name]?.type === 'enumeration' ? model.attributes[name].enum ?? [] : [];
  if (!values.length) return base;
  const codes = values.map((code) => `${code} ${codeMeaning(labels, name, code) ?? ''}`.trim()).join('；');
  return `${base ? `${base}。` : ''}取值：${codes}`;
}

/** What is missing for one content type: fields without Chinese text, codes without a meaning, bad columns. */
export function labelProblems(model: PanelModel, labels: TypeLabels | undefined): string[] {
  if (!labels) return [`${model.uid}: no labels`];
  const problems: string[] = [];
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (!fieldText(labels, name)) problems.push(`${model.uid}.${name}: no label`);
    for (const code of attribute.enum ?? []) {
      if (!codeMeaning(labels, name, code)) problems.push(`${model.uid}.${name}: no meaning for code ${code}`);
    }
  }
  for (const name of Object.keys(labels.fields)) {
    if (!resolveField(model, name)) problems.push(`${model.uid}: label for a field it does not have: ${name}`);
  }
  for (const name of [...labels.list, labels.mainField, ...(labels.sort ? [labels.sort[0]] : [])]) {
    const field = resolveField(model, name);
    if (!field || !isListable(model, field)) problems.push(`${model.uid}: ${name} cannot be a list column, main field or sort`);
  }
  return problems;
}

/**
 * The configuration with our labels, columns, main field and sort laid over what Strapi generated (and
 * synchronised with the schema at this boot). Everything else — the edit layout, `visible`, `editable`,
 * placeholders, relation main fields — is left as it is.
 */
export function labelledConfiguration(model: PanelModel, current: ViewConfiguration, labels: TypeLabels): ViewConfiguration {
  const metadatas: Record<string, Metadata> = {};
  for (const [name, meta] of Object.entries(current.metadatas)) {
    const text = fieldText(labels, name);
    if (!text) {
      metadatas[name] = meta;
      continue;
    }
    // id and documentId have no edit view (edit: {}); every other field has one
    const edit = Object.keys(meta.edit ?? {}).length
      ? { ...meta.edit, label: text[0], description: fieldDescription(labels, model, name) }
      : meta.edit;
    metadatas[name] = { edit, list: { ...meta.list, label: text[0] } };
  }
  const list = labels.list.map((name) => resolveField(model, name)).filter((name): name is string => !!name && isListable(model, name));
  const mainField = resolveField(model, labels.mainField);
  const [sortBy, sortOrder] = labels.sort ?? [labels.mainField, 'ASC'];
  const sortField = resolveField(model, sortBy);
  return {
    settings: {
      ...current.settings,
      ...(mainField && isListable(model, mainField) ? { mainField } : {}),
      ...(sortField && isListable(model, sortField) ? { defaultSortBy: sortField, defaultSortOrder: sortOrder } : {}),
      pageSize: PAGE_SIZE,
    },
    metadatas,
    layouts: { ...current.layouts, list: list.length ? list : current.layouts.list },
  };
}

interface ContentTypesService {
  findContentType(uid: string): PanelModel | undefined;
  findConfiguration(model: PanelModel): Promise<ViewConfiguration & { uid: string }>;
  updateConfiguration(model: PanelModel, configuration: ViewConfiguration): Promise<unknown>;
}

/**
 * Writes the Chinese view configuration of every labelled content type (called at bootstrap, after the
 * content manager synchronised its configurations with the schemas). Idempotent: the store is written only
 * when something differs. A missing label is logged, never fatal (tests/admin-labels.test.ts fails on it).
 */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypesService;
  const problems: string[] = [];
  // the platform's own plugins (users-permissions is Strapi's: only its user type, which we extend, is labelled)
  const pluginOf = (uid: string) => uid.slice(0, uid.indexOf('.'));
  const plugins = new Set(Object.keys(ADMIN_LABELS).map(pluginOf).filter((p) => p !== 'plugin::users-permissions'));
  const unlabelled = Object.keys(strapi.contentTypes).filter((uid) => plugins.has(pluginOf(uid)) && !ADMIN_LABELS[uid]);
  problems.push(...unlabelled.map((uid) => `${uid}: no labels`));
  for (const [uid, labels] of Object.entries(ADMIN_LABELS)) {
    const model = service.findContentType(uid);
    if (!model) {
      problems.push(`${uid}: no such content type`);
      continue;
    }
    problems.push(...labelProblems(model, labels));
    const { settings, metadatas, layouts } = await service.findConfiguration(model);
    await service.updateConfiguration(model, labelledConfiguration(model, { settings, metadatas, layouts }, labels));
  }
  if (problems.length) strapi.log.warn(`admin panel labels incomplete (cms/src/admin-panel/labels.ts):\n  ${problems.join('\n  ')}`);
}
