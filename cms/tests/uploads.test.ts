import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { startApp, TestApp } from './helpers/app';
import { tenant, Tenant } from './helpers/fixtures';

// formidable writes every multipart file of a request here (UPLOAD_TMP_DIR), this suite's own folder
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cop-upload-test-'));
let app: TestApp;
let supplier: Tenant;
beforeAll(async () => {
  app = await startApp({ UPLOAD_TMP_DIR: TMP });
  supplier = await tenant(app, 'supplier', 'upl_supplier');
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const FILE = 'plugin::files.file';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const post = (url: string) => app.http.post(url).set('Authorization', `Bearer ${supplier.token}`);
const upload = (content: Buffer, name: string, lang = 'zh') =>
  post('/api/console/files/upload').set('Accept-Language', lang).attach('file', content, name);
const stored = () => app.strapi.db.query(FILE).count({ where: { ownerEnterpriseId: supplier.enterpriseId } });

async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('表').addRow(['a', 1]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function zip(entries: Record<string, string>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(entries)) archive.file(name, content);
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const image = (format: 'png' | 'jpeg' | 'webp' | 'gif') =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toFormat(format).toBuffer();

/** The temp folder settles: formidable unlinks the files of a request it refused without waiting. */
async function tempFiles(): Promise<string[]> {
  for (let i = 0; i < 20 && fs.readdirSync(TMP).length; i += 1) await new Promise((r) => setTimeout(r, 50));
  return fs.readdirSync(TMP);
}

describe('upload temp files (#11 finding 8)', () => {
  it('leaves nothing in the temp folder after accepted and refused uploads, on every route', async () => {
    // the uploads really go through TMP: the files service sees them there while it works
    const seen: string[] = [];
    const service = app.strapi.plugin('files').service('files');
    const store = service.store;
    service.store = (principal: unknown, file: { filepath?: string } | undefined) => {
      if (file?.filepath && fs.existsSync(file.filepath)) seen.push(path.dirname(file.filepath));
      return store.call(service, principal, file);
    };
    try {
      const results = [
        await upload(PDF, 'ok.pdf'),
        await upload(Buffer.from('<script>alert(1)</script>'), 'x.html'),
        await upload(Buffer.from('MZ not a pdf'), 'fake.pdf'),
        await upload(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf'),
        await upload(Buffer.alloc(12 * 1024 * 1024), 'huge.pdf'),
        await upload(await xlsx(), 'sheet.xlsx'),
      ];
      expect(results.map((r) => r.status)).toEqual([201, 400, 400, 400, 413, 201]);
      // employees import (another multipart route), refused and accepted
      const imported = await post('/api/console/employees/import').attach('file', PDF, 'e.xlsx');
      expect(imported.status).toBe(400);
      // a multipart body sent where no file is expected, or to Strapi's own routes
      await post('/api/console/employees').field('name', 'x').attach('file', PDF, 'a.pdf');
      await app.http.post('/api/auth/local').attach('files', PDF, 'a.pdf').attach('file', PDF, 'b.pdf');
      await app.http.get('/api/console/session').set('Authorization', 'Bearer nope').attach('file', PDF, 'c.pdf');
    } finally {
      service.store = store;
    }
    expect(seen.length).toBe(5);
    expect(new Set(seen.map((dir) => fs.realpathSync(dir)))).toEqual(new Set([fs.realpathSync(TMP)]));
    expect(await tempFiles()).toEqual([]);
  });

  it('answers 400 naming `file` for a NUL or another control character in the file name', async () => {
    const before = await stored();
    for (const name of ['a\u0000b.pdf', 'a\u0001.pdf']) {
      const res = await upload(PDF, name);
      expect([name, res.status, Object.keys(res.body.errors ?? {})]).toEqual([name, 400, ['file']]);
    }
    expect(await stored()).toBe(before);
    expect(await tempFiles()).toEqual([]);
  });
});

describe('upload structure checks (#11 finding 12)', () => {
  it('refuses files whose structure does not match the extension, with a bilingual message naming `file`', async () => {
    const before = await stored();
    const png = await image('png');
    const cases: [Buffer, string][] = [
      [Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n'), 'fake.pdf'],
      [Buffer.from('%PDF-1.4\n<!DOCTYPE html><html><script>alert(1)</script></html>\n%%EOF\n'), 'html-with-trailer.pdf'],
      [await zip({ 'readme.txt': 'just a zip' }), 'plain.docx'],
      [await zip({ 'readme.txt': 'just a zip' }), 'plain.xlsx'],
      [await xlsx(), 'workbook-named.docx'],
      [Buffer.concat([png.subarray(0, 8), Buffer.from('garbage garbage garbage garbage')]), 'broken.png'],
      [Buffer.concat([png.subarray(0, 16), Buffer.alloc(64, 0xff)]), 'truncated.png'],
      [await image('jpeg'), 'really-a-jpeg.png'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]), 'header-only.jpg'],
      [Buffer.from('GIF89a not really'), 'fake.gif'],
    ];
    for (const [content, name] of cases) {
      const res = await upload(content, name);
      expect([name, res.status, Object.keys(res.body.errors ?? {})]).toEqual([name, 400, ['file']]);
      expect(res.body.errors.file).toMatch(/[\u4e00-\u9fff]/);
      const english = await upload(content, name, 'en');
      expect(english.body.errors.file).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(await stored()).toBe(before);
  });

  it('accepts real files: a minimal PDF, an exceljs workbook, a Word document, sharp images', async () => {
    const docx = await zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    const good: [Buffer, string, string][] = [
      [PDF, 'min.pdf', 'application/pdf'],
      [Buffer.concat([PDF, Buffer.from('\n')]), 'trailing-newline.pdf', 'application/pdf'],
      [await xlsx(), 'book.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [docx, 'letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [await image('png'), 'pic.png', 'image/png'],
      [await image('jpeg'), 'pic.jpg', 'image/jpeg'],
      [await image('jpeg'), 'pic.jpeg', 'image/jpeg'],
      [await image('webp'), 'pic.webp', 'image/webp'],
      [await image('gif'), 'pic.gif', 'image/gif'],
    ];
    for (const [content, name, mime] of good) {
      const res = await upload(content, name);
      expect([name, res.status, res.body.mime]).toEqual([name, 201, mime]);
    }
    expect(await tempFiles()).toEqual([]);
  });
});
