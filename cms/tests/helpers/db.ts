import { randomBytes } from 'crypto';
import os from 'os';
import path from 'path';
import fs from 'fs';

export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG = {
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD ?? '',
};

/** A throwaway database for one suite; `drop` removes it. */
export async function createDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (TEST_DB === 'postgres') {
    const { Client } = require('pg');
    const name = `cop_test_${tag}`;
    const admin = new Client({ ...PG, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return {
      env: {
        DATABASE_CLIENT: 'postgres', DATABASE_HOST: PG.host, DATABASE_PORT: String(PG.port),
        DATABASE_NAME: name, DATABASE_USERNAME: PG.user, DATABASE_PASSWORD: PG.password, DATABASE_POOL_MAX: '25',
      },
      async drop() {
        const client = new Client({ ...PG, database: 'postgres' });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const file = path.join(os.tmpdir(), `cop_test_${tag}.db`);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
