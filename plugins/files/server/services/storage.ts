import fs from 'fs';
import path from 'path';
import type { Readable } from 'stream';

/**
 * Where file bytes live. Every read and write of file content goes through these three, so the checks
 * (type, size, structure, tenancy) are the same whatever the store:
 * - `local` (default): a folder on this machine (`FILES_DIR`, default `database/files`);
 * - `s3`: an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS), so every server behind a load
 *   balancer serves every upload. `FILES_S3_BUCKET`, `FILES_S3_ENDPOINT` (omit for AWS),
 *   `FILES_S3_REGION` (default us-east-1), `FILES_S3_ACCESS_KEY_ID`, `FILES_S3_SECRET_ACCESS_KEY`,
 *   `FILES_S3_FORCE_PATH_STYLE` (true for MinIO), `FILES_S3_PREFIX` (a folder inside the bucket).
 */
export interface FileStorage {
  readonly driver: 'local' | 's3';
  put(storageKey: string, fromPath: string, mime?: string): Promise<void>;
  remove(storageKey: string): Promise<void>;
  /** The file's bytes, or null when the store has no such file (one round trip on S3: no HEAD first). */
  open(storageKey: string): Promise<Readable | null>;
}

export function localStorage(root: () => string): FileStorage {
  return {
    driver: 'local',
    async put(storageKey, fromPath) {
      const target = path.join(root(), storageKey);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(fromPath, target);
    },
    async remove(storageKey) {
      fs.rmSync(path.join(root(), storageKey), { force: true });
    },
    async open(storageKey) {
      const file = path.join(root(), storageKey);
      return fs.existsSync(file) ? fs.createReadStream(file) : null;
    },
  };
}

export interface S3Settings {
  bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean; prefix: string;
}

export function s3SettingsFrom(env: NodeJS.ProcessEnv): S3Settings {
  const bucket = env.FILES_S3_BUCKET;
  if (!bucket) throw new Error('FILES_DRIVER=s3 needs FILES_S3_BUCKET (and FILES_S3_ENDPOINT, FILES_S3_ACCESS_KEY_ID, FILES_S3_SECRET_ACCESS_KEY unless the defaults apply)');
  return {
    bucket,
    endpoint: env.FILES_S3_ENDPOINT || undefined,
    region: env.FILES_S3_REGION || 'us-east-1',
    accessKeyId: env.FILES_S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.FILES_S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: env.FILES_S3_FORCE_PATH_STYLE === 'true',
    prefix: (env.FILES_S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
  };
}

export function s3Storage(settings: S3Settings): FileStorage {
  // loaded only when chosen: the local driver needs none of the SDK
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const s3 = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const client = new s3.S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // checksums only where the API requires them: the SDK's default (aws-chunked uploads with a trailing
    // checksum) is not understood by every S3-compatible store, which then keeps the chunk framing as content
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
  });
  // object keys use '/' whatever the platform's path separator
  const key = (storageKey: string) => [settings.prefix, storageKey.split(path.sep).join('/')].filter(Boolean).join('/');
  return {
    driver: 's3',
    async put(storageKey, fromPath, mime) {
      const { size } = fs.statSync(fromPath);
      await client.send(new s3.PutObjectCommand({ Bucket: settings.bucket, Key: key(storageKey), Body: fs.createReadStream(fromPath), ContentLength: size, ContentType: mime }));
    },
    async remove(storageKey) {
      await client.send(new s3.DeleteObjectCommand({ Bucket: settings.bucket, Key: key(storageKey) }));
    },
    async open(storageKey) {
      try {
        const answer = await client.send(new s3.GetObjectCommand({ Bucket: settings.bucket, Key: key(storageKey) }));
        return answer.Body as Readable;
      } catch (error: any) {
        if (error?.$metadata?.httpStatusCode === 404 || error?.name === 'NoSuchKey' || error?.name === 'NotFound') return null;
        throw error;
      }
    },
  };
}

/** The store `FILES_DRIVER` names (default local). */
export function storageFor(env: NodeJS.ProcessEnv, root: () => string): FileStorage {
  const driver = env.FILES_DRIVER || 'local';
  if (driver === 'local') return localStorage(root);
  if (driver === 's3') return s3Storage(s3SettingsFrom(env));
  throw new Error(`FILES_DRIVER must be local or s3, got ${driver}`);
}
