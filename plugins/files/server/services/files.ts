import fs from 'fs';
import path from 'path';
import { createHash, randomUUID } from 'crypto';
import type { Core } from '@strapi/types';
import { errors, fieldError, invalid } from '@cop/config';
import type { Principal } from '@cop/plugin-console';

export const FILE = 'plugin::files.file';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const t = errors.text;
const OLE = 'd0cf11e0a1b11ae1';
/** extension → [mime, test on the first bytes (hex)] */
const TYPES: Record<string, [string, (hex: string, head: Buffer) => boolean]> = {
  pdf: ['application/pdf', (hex) => hex.startsWith('25504446')],
  png: ['image/png', (hex) => hex.startsWith('89504e470d0a1a0a')],
  jpg: ['image/jpeg', (hex) => hex.startsWith('ffd8ff')],
  jpeg: ['image/jpeg', (hex) => hex.startsWith('ffd8ff')],
  gif: ['image/gif', (hex) => hex.startsWith('47494638')],
  webp: ['image/webp', (_hex, head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', (hex) => hex.startsWith('504b0304')],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (hex) => hex.startsWith('504b0304')],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', (hex) => hex.startsWith('504b0304')],
  doc: ['application/msword', (hex) => hex.startsWith(OLE)],
  xls: ['application/vnd.ms-excel', (hex) => hex.startsWith(OLE)],
  ppt: ['application/vnd.ms-powerpoint', (hex) => hex.startsWith(OLE)],
};
export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

/**
 * Private attachments. Files are stored outside the public folder; an enterprise downloads its own,
 * and another enterprise only through a record it may read that references the file.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const root = () => path.resolve((strapi.config.get('plugin::files.dir') as string | undefined)
    ?? process.env.FILES_DIR ?? path.join(strapi.dirs.app.root, '..', 'database', 'files'));

  return {
    async store(principal: Principal, upload: { filepath?: string; size?: number; originalFilename?: string | null } | undefined) {
      if (!upload?.filepath) throw fieldError('file', '请选择要上传的文件（字段名 file）', 'is required (multipart field "file")');
      const size = fs.statSync(upload.filepath).size;
      if (size > MAX_FILE_BYTES) throw fieldError('file', '文件不能超过 10 MB', 'must be at most 10 MB');
      if (size === 0) throw fieldError('file', '文件为空', 'is empty');
      const name = path.basename(String(upload.originalFilename ?? 'file')).slice(-200);
      const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
      const type = TYPES[extension];
      if (!type) throw invalid({ file: t(`不支持的文件类型，仅限 ${ALLOWED_EXTENSIONS.join('、')}`, `type not allowed; use ${ALLOWED_EXTENSIONS.join(', ')}`) });
      const head = Buffer.alloc(16);
      const fd = fs.openSync(upload.filepath, 'r');
      try { fs.readSync(fd, head, 0, 16, 0); } finally { fs.closeSync(fd); }
      if (!type[1](head.toString('hex'), head)) throw fieldError('file', '文件内容与扩展名不符', 'content does not match its extension');
      const now = new Date();
      const storageKey = path.join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), `${randomUUID()}.${extension}`);
      const target = path.join(root(), storageKey);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(upload.filepath, target);
      const sha256 = createHash('sha256').update(fs.readFileSync(target)).digest('hex');
      try {
        return await strapi.db.query(FILE).create({ data: { ownerEnterpriseId: principal.enterpriseId, name, mime: type[0], size, sha256, storageKey, uploadedBy: principal.userId } });
      } catch (error) {
        fs.rmSync(target, { force: true });
        throw error;
      }
    },

    /** The files an enterprise attaches to its own record must be its own. */
    async assertOwned(enterpriseId: number, ids: number[], field: string) {
      if (!ids.length) return;
      const count = await strapi.db.query(FILE).count({ where: { id: { $in: ids }, ownerEnterpriseId: enterpriseId } });
      if (count !== new Set(ids).size) throw fieldError(field, '包含不存在或不属于本企业的附件', 'contains files that are not yours');
    },

    async describe(ids: number[]): Promise<{ id: number; name: string; mime: string; size: number }[]> {
      if (!ids?.length) return [];
      const rows = await strapi.db.query(FILE).findMany({ where: { id: { $in: ids } }, select: ['id', 'name', 'mime', 'size'] });
      const byId = new Map((rows as any[]).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id)).filter(Boolean).map((row: any) => ({ id: row.id, name: row.name, mime: row.mime, size: row.size }));
    },

    /**
     * Records that keep file ids in `__<column>` (see `keepFileIds`) get `<out>` = [{id,name,mime,size}]
     * for each column, in one query for the whole page.
     */
    async describeInto(records: Record<string, any>[], columns: Record<string, string>) {
      const all = records.flatMap((record) => Object.keys(columns).flatMap((column) => record[`__${column}`] ?? []));
      const described = new Map<number, unknown>((await this.describe([...new Set(all)] as number[])).map((file) => [file.id, file]));
      for (const record of records) {
        for (const [column, out] of Object.entries(columns)) {
          record[out] = ((record[`__${column}`] ?? []) as number[]).map((id) => described.get(id)).filter(Boolean);
          delete record[`__${column}`];
        }
      }
    },

    /** Stream a file the caller has already been allowed to read. */
    async send(koa: any, fileId: number, options: { inline?: boolean } = {}) {
      const row = await strapi.db.query(FILE).findOne({ where: { id: fileId } });
      if (!row) throw errors.notFound('file', fileId);
      const file = path.join(root(), row.storageKey);
      if (!fs.existsSync(file)) throw errors.notFound('file', fileId);
      koa.set('Content-Disposition', `${options.inline && row.mime.startsWith('image/') ? 'inline' : 'attachment'}; filename="${encodeURIComponent(row.name)}"; filename*=UTF-8''${encodeURIComponent(row.name)}`);
      koa.set('X-Content-Type-Options', 'nosniff');
      koa.type = row.mime;
      koa.length = row.size;
      koa.body = fs.createReadStream(file);
      return undefined;
    },
  };
};
