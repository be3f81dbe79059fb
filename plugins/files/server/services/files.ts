import fs from 'fs';
import path from 'path';
import { createHash, randomUUID } from 'crypto';
import type { Core } from '@strapi/types';
import { errors, fieldError, invalid } from '@cop/config';
import type { Text } from '@cop/config';
import type { FieldSpec, Principal } from '@cop/plugin-console';
import { storageFor } from './storage';
import type { FileStorage } from './storage';

export const FILE = 'plugin::files.file';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const t = errors.text;
const OLE = 'd0cf11e0a1b11ae1';
/** extension → [mime, test on the first bytes (hex)]; `structureProblem` then checks the whole file */
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
/** OOXML: the folder of the main part each kind of document must have. */
const OOXML_MAIN: Record<string, string> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };
/** The format sharp reports for each image extension. */
const IMAGE_FORMAT: Record<string, string> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', webp: 'webp' };
/** Markup a browser would render, looked for next to a PDF's header and trailer. */
const HTML_MARKERS = /<\s*(!doctype\s+html|html|head|body|script|iframe|svg)[\s>/]/i;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, length));
  const read = fs.readSync(fd, buffer, 0, buffer.length, position);
  return buffer.subarray(0, read);
}

/** The entry names of a ZIP file, from its central directory; null when it is not a readable ZIP. */
export function zipEntries(file: string, size: number): string[] | null {
  const fd = fs.openSync(file, 'r');
  try {
    // the end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KB
    const tailStart = Math.max(0, size - (22 + 0xffff));
    const tail = readAt(fd, tailStart, size - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const length = tail.readUInt32LE(eocd + 12);
    const offset = tail.readUInt32LE(eocd + 16);
    // ZIP64 markers, or a directory that does not end where the end record starts: not a plain ZIP
    if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff || offset + length !== tailStart + eocd) return null;
    const directory = readAt(fd, offset, length);
    if (directory.length !== length) return null;
    const names: string[] = [];
    let at = 0;
    for (let n = 0; n < count; n += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = directory.readUInt16LE(at + 28);
      const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      if (next > directory.length) return null;
      names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
      at = next;
    }
    return names;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Cheap structure checks beyond the first bytes, so that a file is what its extension says: a PDF has
 * its `%%EOF` trailer and no HTML next to its header or trailer; an OOXML document is a ZIP holding
 * `[Content_Types].xml` and its main part; an image's header decodes (sharp) to the same format.
 * Returns why the file is refused, or null.
 */
export async function structureProblem(file: string, size: number, extension: string): Promise<Text | null> {
  if (extension === 'pdf') {
    const fd = fs.openSync(file, 'r');
    let head: string;
    let tail: string;
    try {
      head = readAt(fd, 0, 1024).toString('latin1');
      tail = readAt(fd, Math.max(0, size - 1024), 1024).toString('latin1');
    } finally {
      fs.closeSync(fd);
    }
    if (!/^%PDF-\d\.\d/.test(head)) return t('不是有效的 PDF 文件（文件头不正确）', 'is not a valid PDF (bad header)');
    if (!tail.includes('%%EOF')) return t('不是完整的 PDF 文件（缺少结尾标记 %%EOF）', 'is not a complete PDF (no %%EOF trailer)');
    if (HTML_MARKERS.test(head) || HTML_MARKERS.test(tail)) return t('PDF 文件中包含网页内容，不予接受', 'is not accepted: the PDF holds HTML');
    return null;
  }
  if (OOXML_MAIN[extension]) {
    const names = zipEntries(file, size);
    if (!names) return t('不是有效的 Office 文档（ZIP 结构损坏）', 'is not a valid Office document (broken ZIP)');
    if (!names.includes('[Content_Types].xml')) {
      return t('不是 Office 文档（缺少 [Content_Types].xml）', 'is not an Office document (no [Content_Types].xml)');
    }
    if (!names.some((name) => name.startsWith(OOXML_MAIN[extension]))) {
      return t(`不是 .${extension} 文档（缺少 ${OOXML_MAIN[extension]} 部分）`, `is not a .${extension} document (no ${OOXML_MAIN[extension]} part)`);
    }
    return null;
  }
  if (IMAGE_FORMAT[extension]) {
    // sharp ships with Strapi; metadata() decodes the header only
    const sharp = require('sharp') as (input: string) => { metadata(): Promise<{ format?: string; width?: number }> };
    let format: string | undefined;
    let width: number | undefined;
    try {
      ({ format, width } = await sharp(file).metadata());
    } catch {
      return t('图片无法识别（文件已损坏或不是图片）', 'cannot be read as an image (broken or not an image)');
    }
    if (format !== IMAGE_FORMAT[extension] || !width) {
      return t(`图片格式（${format ?? '未知'}）与扩展名 .${extension} 不符`, `is a ${format ?? 'unknown'} image, not .${extension}`);
    }
  }
  return null;
}
export const ALLOWED_EXTENSIONS = Object.keys(TYPES);
/** The query of a GET file verb: which file, and `inline` to preview it in the page. */
export const FILE_QUERY: Record<string, FieldSpec> = {
  fileId: { type: 'integer', required: true, min: 1 },
  disposition: { type: 'enum', values: ['inline', 'attachment'] },
};
/** What a browser may show in the page (`Content-Disposition: inline`): images and PDFs. */
export const PREVIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** A served file runs nothing, loads nothing, and only this site may frame it. */
const FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
const PDF_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

/**
 * Private attachments. Files are stored outside the public folder; an enterprise downloads its own,
 * and another enterprise only through a record it may read that references the file.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const root = () => path.resolve((strapi.config.get('plugin::files.dir') as string | undefined)
    ?? process.env.FILES_DIR ?? path.join(strapi.dirs.app.root, '..', 'database', 'files'));

  /** Where the bytes live (`FILES_DRIVER`: a local folder or an S3-compatible bucket): ./storage.ts. */
  const storage: FileStorage = storageFor(process.env, root);

  return {
    async store(principal: Principal, upload: { filepath?: string; size?: number; originalFilename?: string | null } | undefined) {
      if (!upload?.filepath) throw fieldError('file', '请选择要上传的文件（字段名 file）', 'is required (multipart field "file")');
      const size = fs.statSync(upload.filepath).size;
      if (size > MAX_FILE_BYTES) throw fieldError('file', '文件不能超过 10 MB', 'must be at most 10 MB');
      if (size === 0) throw fieldError('file', '文件为空', 'is empty');
      // a NUL cannot be stored (PostgreSQL refuses it) and control characters have no place in a name
      if (/[\u0000-\u001f\u007f]/.test(String(upload.originalFilename ?? ''))) {
        throw fieldError('file', '文件名不能包含控制字符', 'the file name must not contain control characters');
      }
      const name = path.basename(String(upload.originalFilename ?? 'file')).slice(-200);
      const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
      const type = TYPES[extension];
      if (!type) throw invalid({ file: t(`不支持的文件类型，仅限 ${ALLOWED_EXTENSIONS.join('、')}`, `type not allowed; use ${ALLOWED_EXTENSIONS.join(', ')}`) });
      const head = Buffer.alloc(16);
      const fd = fs.openSync(upload.filepath, 'r');
      try { fs.readSync(fd, head, 0, 16, 0); } finally { fs.closeSync(fd); }
      if (!type[1](head.toString('hex'), head)) throw fieldError('file', '文件内容与扩展名不符', 'content does not match its extension');
      const problem = await structureProblem(upload.filepath, size, extension);
      if (problem) throw invalid({ file: problem });
      const now = new Date();
      const storageKey = path.join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), `${randomUUID()}.${extension}`);
      const sha256 = createHash('sha256').update(fs.readFileSync(upload.filepath)).digest('hex');
      await storage.put(storageKey, upload.filepath, type[0]);
      try {
        return await strapi.db.query(FILE).create({ data: { ownerEnterpriseId: principal.enterpriseId, name, mime: type[0], size, sha256, storageKey, uploadedBy: principal.userId } });
      } catch (error) {
        await storage.remove(storageKey);
        throw error;
      }
    },

    /**
     * The files an enterprise attaches to its own record must be its own; with `images`, each must be
     * an image (pictures: the upload checked its structure).
     */
    async assertOwned(enterpriseId: number, ids: number[], field: string, options: { images?: boolean } = {}) {
      if (!ids.length) return;
      const rows = await strapi.db.query(FILE).findMany({ where: { id: { $in: ids }, ownerEnterpriseId: enterpriseId }, select: ['id', 'mime'] });
      if (rows.length !== new Set(ids).size) throw fieldError(field, '包含不存在或不属于本企业的附件', 'contains files that are not yours');
      if (options.images && (rows as { mime: string }[]).some((row) => !row.mime.startsWith('image/'))) {
        throw invalid({ [field]: t('图片只能是 png、jpg、gif 或 webp', 'must be images (png, jpg, gif, webp)') });
      }
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

    /**
     * A GET file verb (query FILE_QUERY): the file `fileId`, which must be one of `ids` (the files of the
     * record the caller was allowed to read), else a 400 on fileId.
     */
    sendOneOf(koa: any, ids: number[], query: { fileId?: unknown; disposition?: 'inline' | 'attachment' }) {
      const fileId = Number(query.fileId);
      if (!ids.includes(fileId)) throw invalid({ fileId: t('不是该记录的附件', 'is not a file of this record') });
      return this.send(koa, fileId, { disposition: query.disposition });
    },

    /**
     * Stream a file the caller has already been allowed to read. `disposition: 'inline'` (a preview in
     * the page) is honoured for images and PDFs only; without a disposition images are inline (pictures)
     * and the rest attachments. The answer forbids sniffing and carries a CSP under which the file runs
     * nothing (images also sandboxed; a sandbox would stop the browser's PDF viewer, so a PDF gets no
     * scripts and no framing by other sites).
     */
    async send(koa: any, fileId: number, options: { disposition?: 'inline' | 'attachment' } = {}) {
      const row = await strapi.db.query(FILE).findOne({ where: { id: fileId } });
      const body = row ? await storage.open(row.storageKey) : null;
      if (!body) throw errors.notFound('file', fileId);
      const inline = PREVIEWABLE.has(row.mime) && (options.disposition === 'inline' || (!options.disposition && row.mime.startsWith('image/')));
      koa.set('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${encodeURIComponent(row.name)}"; filename*=UTF-8''${encodeURIComponent(row.name)}`);
      koa.set('X-Content-Type-Options', 'nosniff');
      koa.set('Content-Security-Policy', row.mime === 'application/pdf' ? PDF_CSP : FILE_CSP);
      koa.set('Cache-Control', 'private, no-store');
      koa.type = row.mime;
      koa.length = row.size;
      koa.body = body;
      return undefined;
    },
  };
};
