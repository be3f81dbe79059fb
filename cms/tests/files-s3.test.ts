import fs from 'fs';
import http from 'http';
import net from 'net';
import os from 'os';
import path from 'path';
import { spawn, ChildProcess } from 'child_process';
import { startApp, TestApp, CMS_DIR } from './helpers/app';
import { tenant, Tenant } from './helpers/fixtures';
import { TEST_DB } from './helpers/db';

// s3rver: an S3-compatible server in this process, its objects in a temp folder
// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver = require('s3rver');

/**
 * FILES_DRIVER=s3: attachments live in an S3-compatible bucket (here s3rver, started by the test), with
 * the same checks as on disk; on PostgreSQL a second server instance, with a local folder of its own
 * that holds nothing, serves a file the first one stored.
 */
const BUCKET = 'cop-files';
const S3_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cop-s3-'));
const LOCAL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cop-s3-local-'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const BOOT_TIMEOUT = 180_000;

let s3: any;
let app: TestApp;
let owner: Tenant;
let stranger: Tenant;
let other: ChildProcess | undefined;
let otherUrl = '';

/** The objects s3rver holds in the bucket (its folder layout: <bucket>/<key>._S3rver_object). */
function objects(): string[] {
  const root = path.join(S3_DIR, BUCKET);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('._S3rver_object')).map((f) => f.replace(/\._S3rver_object$/, ''));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address() as net.AddressInfo; probe.close(() => resolve(port)); });
  });
}

function get(base: string, url: string, token: string): Promise<{ status: number; type?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${url}`, { headers: { Authorization: `Bearer ${token}` }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const upload = (content: Buffer, name: string) => app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${owner.token}`).attach('file', content, name);

describe('files on S3-compatible storage (FILES_DRIVER=s3)', () => {
  beforeAll(async () => {
    s3 = new S3rver({ address: '127.0.0.1', port: 0, directory: S3_DIR, silent: true, configureBuckets: [{ name: BUCKET }] });
    const { port } = await s3.run();
    app = await startApp({
      FILES_DRIVER: 's3', FILES_S3_BUCKET: BUCKET, FILES_S3_ENDPOINT: `http://127.0.0.1:${port}`, FILES_S3_FORCE_PATH_STYLE: 'true',
      FILES_S3_ACCESS_KEY_ID: 'S3RVER', FILES_S3_SECRET_ACCESS_KEY: 'S3RVER', FILES_S3_PREFIX: 'attachments', FILES_DIR: LOCAL_DIR,
      JWT_SECRET: 'files-s3-test-jwt-secret',
    });
    owner = await tenant(app, 'supplier', 's3_owner');
    stranger = await tenant(app, 'seller', 's3_stranger');
  }, BOOT_TIMEOUT);

  afterAll(async () => {
    if (other && other.exitCode === null) {
      other.kill('SIGTERM');
      await new Promise((r) => other!.on('exit', r));
    }
    if (app) await app.close();
    if (s3) await s3.close();
    for (const dir of [S3_DIR, LOCAL_DIR]) fs.rmSync(dir, { recursive: true, force: true });
  }, BOOT_TIMEOUT);

  it('stores an upload in the bucket (not on disk) and serves it back byte for byte, to its owner only', async () => {
    const res = await upload(PDF, '合同.pdf');
    expect(res.status).toBe(201);
    const row = await app.strapi.db.query('plugin::files.file').findOne({ where: { id: res.body.id } });
    expect(objects()).toEqual([`attachments/${row.storageKey}`]);
    expect(fs.readdirSync(LOCAL_DIR)).toEqual([]);
    const back = await get(app.url, `/api/console/files/${res.body.id}/download`, owner.token);
    expect(back).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(back.body.equals(PDF)).toBe(true);
    expect((await get(app.url, `/api/console/files/${res.body.id}/download`, stranger.token)).status).toBe(404);
  });

  it('refuses what the disk driver refuses, and puts nothing in the bucket then', async () => {
    const before = objects();
    const fake = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'evil.pdf');
    expect(fake.status).toBe(400);
    expect(fake.body.errors).toHaveProperty('file');
    expect((await upload(Buffer.from('hello'), 'notes.exe')).status).toBe(400);
    expect(objects()).toEqual(before);
  });

  it('answers 404, not 500, when the object is gone from the bucket', async () => {
    const res = await upload(PDF, 'gone.pdf');
    const row = await app.strapi.db.query('plugin::files.file').findOne({ where: { id: res.body.id } });
    fs.rmSync(path.join(S3_DIR, BUCKET, 'attachments', `${row.storageKey}._S3rver_object`), { force: true });
    expect((await get(app.url, `/api/console/files/${res.body.id}/download`, owner.token)).status).toBe(404);
  });

  (TEST_DB === 'postgres' ? it : it.skip)(
    TEST_DB === 'postgres'
      ? 'serves from another server instance a file the first one stored'
      : 'serves from another server instance a file the first one stored (skipped: needs PostgreSQL; two processes on one SQLite file is not a supported deployment)',
    async () => {
      const res = await upload(PDF, '共享.pdf');
      const port = await freePort();
      const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cop-s3-other-'));
      other = spawn(process.execPath, [path.join(CMS_DIR, 'scripts', 'serve.js')], {
        cwd: CMS_DIR, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: '1', FILES_DIR: emptyDir, LOG_LEVEL: 'error' }, stdio: 'ignore',
      });
      otherUrl = `http://127.0.0.1:${port}`;
      const started = Date.now();
      for (;;) {
        try { if ((await get(otherUrl, '/_health', owner.token)).status === 204) break; } catch { /* not up yet */ }
        if (other.exitCode !== null || Date.now() - started > 120_000) throw new Error('the second instance did not start');
        await new Promise((r) => setTimeout(r, 300));
      }
      const back = await get(otherUrl, `/api/console/files/${res.body.id}/download`, owner.token);
      expect(back).toMatchObject({ status: 200, type: 'application/pdf' });
      expect(back.body.equals(PDF)).toBe(true);
      expect(fs.readdirSync(emptyDir)).toEqual([]);
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }, BOOT_TIMEOUT,
  );
});
