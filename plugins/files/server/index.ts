import type { Core } from '@strapi/types';
import { errors } from '@cop/config';
import type { PermissionKey } from '@cop/config';
import type { ActionContext, RecordAction, ResourceDeclaration, Row } from '@cop/plugin-console';
import file from './content-types/file/schema.json';
import files, { FILE } from './services/files';
import uploads from './middlewares/uploads';

import { FILE_QUERY } from './services/files';

export { ALLOWED_EXTENSIONS, FILE_QUERY, MAX_FILE_BYTES, PREVIEWABLE } from './services/files';

/** For `toRecord`: carry a row's file-id columns to `decorate` (files.describeInto) without answering them. */
export const keepFileIds = (row: Record<string, any>, columns: string[]) =>
  Object.fromEntries(columns.map((column) => [`__${column}`, row[column] ?? []]));

const service = (ctx: { strapi: any }) => ctx.strapi.plugin('files').service('files');

/**
 * GET <resource>/:id/<verb>?fileId=N[&disposition=inline|attachment]: one of the files the record
 * references — in its `columns`, or among the ids `filesOf` finds for it — for whoever may read the
 * record: the way another enterprise reaches a private file. Images are served inline unless asked
 * otherwise; `disposition=inline` previews a PDF in the page too (see the service's `send`).
 */
export const fileVerb = (permission: PermissionKey | null, columns: string[] | ((row: Row, ctx: ActionContext) => Promise<number[]>)): RecordAction => ({
  method: 'GET',
  permission,
  query: FILE_QUERY,
  async handler(row, ctx) {
    const ids = typeof columns === 'function' ? await columns(row, ctx) : columns.flatMap((column) => (row[column] ?? []) as number[]);
    return service(ctx).sendOneOf(ctx.koa, ids, ctx.query);
  },
});

/** My enterprise's uploads: upload, list, download. Others reach a file through the record using it. */
export const filesResource: ResourceDeclaration = {
  name: 'files',
  uid: FILE,
  label: errors.text('附件', 'Attachments'),
  tenancy: { kind: 'enterprise', field: 'ownerEnterpriseId' },
  permissions: { read: null, write: null },
  operations: ['list', 'get'],
  defaultSort: ['createdAt', 'DESC'],
  fields: {
    name: { type: 'string', readOnly: true, search: true },
    mime: { type: 'string', readOnly: true },
    size: { type: 'integer', readOnly: true },
    createdAt: { type: 'datetime', readOnly: true, sort: true, filter: ['gte', 'lte'] },
  },
  actions: {
    download: { method: 'GET', permission: null, handler: (row, ctx) => service(ctx).send(ctx.koa, row.id, { disposition: 'attachment' }) },
  },
  collectionActions: {
    upload: {
      method: 'POST',
      permission: null,
      multipart: true,
      async handler(ctx) {
        const upload = ctx.files?.file;
        const row = await service(ctx).store(ctx.principal, Array.isArray(upload) ? upload[0] : upload);
        ctx.koa.status = 201;
        return { id: row.id, name: row.name, mime: row.mime, size: row.size };
      },
    },
  },
};

export default {
  contentTypes: { file: { schema: file } },
  services: { files },
  middlewares: { uploads },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(filesResource);
  },
};
