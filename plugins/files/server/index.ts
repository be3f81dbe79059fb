import type { Core } from '@strapi/types';
import { errors, invalid } from '@cop/config';
import type { PermissionKey } from '@cop/config';
import type { RecordAction, ResourceDeclaration } from '@cop/plugin-console';
import file from './content-types/file/schema.json';
import files, { FILE } from './services/files';
import uploads from './middlewares/uploads';

export { ALLOWED_EXTENSIONS, MAX_FILE_BYTES } from './services/files';

/** For `toRecord`: carry a row's file-id columns to `decorate` (files.describeInto) without answering them. */
export const keepFileIds = (row: Record<string, any>, columns: string[]) =>
  Object.fromEntries(columns.map((column) => [`__${column}`, row[column] ?? []]));

/**
 * GET <resource>/:id/file?fileId=N: one of the files the record references (in `columns`), for
 * whoever may read the record — the way another enterprise reaches a private file.
 */
export const fileVerb = (permission: PermissionKey | null, columns: string[]): RecordAction => ({
  method: 'GET',
  permission,
  query: { fileId: { type: 'integer', required: true, min: 1 } },
  handler(row, ctx) {
    const fileId = Number(ctx.query.fileId);
    if (!columns.some((column) => ((row[column] ?? []) as number[]).includes(fileId))) {
      throw invalid({ fileId: errors.text('不是该记录的附件', 'is not a file of this record') });
    }
    return ctx.strapi.plugin('files').service('files').send(ctx.koa, fileId, { inline: true });
  },
});

const service = (ctx: { strapi: any }) => ctx.strapi.plugin('files').service('files');

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
    download: { method: 'GET', permission: null, handler: (row, ctx) => service(ctx).send(ctx.koa, row.id) },
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
