/**
 * Database migrations (database/migrations) on a database the old code made. They run before
 * Strapi's schema sync, inside a transaction, with a knex bound to it: the same here.
 */
import path from 'path';
import { createDatabase, TEST_DB } from './helpers/db';

const MIGRATIONS = path.resolve(__dirname, '..', '..', 'database', 'migrations');

async function withKnex(run: (knex: any) => Promise<void>) {
  const db = await createDatabase();
  const knex = require('knex')(TEST_DB === 'postgres'
    ? { client: 'pg', connection: { host: db.env.DATABASE_HOST, port: Number(db.env.DATABASE_PORT), user: db.env.DATABASE_USERNAME, password: db.env.DATABASE_PASSWORD, database: db.env.DATABASE_NAME } }
    : { client: 'better-sqlite3', connection: { filename: db.env.DATABASE_FILENAME }, useNullAsDefault: true });
  try { await run(knex); } finally { await knex.destroy(); await db.drop(); }
}

/** The columns an index covers, on either database. */
async function indexColumns(knex: any, table: string, index: string): Promise<string[]> {
  if (TEST_DB === 'postgres') {
    const { rows } = await knex.raw('select a.attname from pg_index i join pg_class c on c.oid = i.indexrelid join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) where c.relname = ? order by array_position(i.indkey::int2[], a.attnum)', [index]);
    return rows.map((r: any) => r.attname);
  }
  return (await knex.raw(`pragma index_info(${index})`)).map((r: any) => r.name);
}

describe('migration: our `status` attributes become `state` (#12.1)', () => {
  const migration = require(path.join(MIGRATIONS, '2026.11.30T01.00.00.rename-status-to-state.js'));

  it('names the 13 tables of the renamed types', () => {
    const fs = require('fs');
    const plugins = path.resolve(__dirname, '..', '..', 'plugins');
    const tables = fs.readdirSync(plugins).flatMap((plugin: string) => {
      const dir = path.join(plugins, plugin, 'server', 'content-types');
      if (!fs.existsSync(dir)) return [];
      return fs.readdirSync(dir).filter((type: string) => fs.existsSync(path.join(dir, type, 'schema.json')))
        .map((type: string) => JSON.parse(fs.readFileSync(path.join(dir, type, 'schema.json'), 'utf8')))
        .filter((schema: any) => schema.attributes.state).map((schema: any) => schema.collectionName);
    });
    expect([...migration.TABLES].sort()).toEqual(tables.sort());
  });

  it('renames the column keeping every value and its indexes; a second run, a new table and a fresh database are left alone', () =>
    withKnex(async (knex) => {
      // a fresh database: no table yet, nothing to do
      await knex.transaction((trx: any) => migration.up(trx));
      // as the old code left them: orders and enterprises with `status` (and an index on it)
      await knex.schema.createTable('orders', (t: any) => { t.increments('id'); t.string('number'); t.string('status'); t.index(['status', 'number'], 'orders_status_expires_idx'); });
      await knex.schema.createTable('enterprises', (t: any) => { t.increments('id'); t.string('name'); t.string('status'); });
      await knex('orders').insert([{ number: 'A', status: 'paid' }, { number: 'B', status: 'closed' }]);
      await knex('enterprises').insert([{ name: '甲', status: 'disabled' }]);
      // made by the new code already
      await knex.schema.createTable('products', (t: any) => { t.increments('id'); t.string('state'); });
      await knex('products').insert({ state: 'listed' });

      await knex.transaction((trx: any) => migration.up(trx));
      await knex.transaction((trx: any) => migration.up(trx));

      expect(await knex.schema.hasColumn('orders', 'status')).toBe(false);
      expect(await knex('orders').orderBy('id').select('number', 'state')).toEqual([{ number: 'A', state: 'paid' }, { number: 'B', state: 'closed' }]);
      expect(await knex('enterprises').select('name', 'state')).toEqual([{ name: '甲', state: 'disabled' }]);
      expect(await knex('products').select('state')).toEqual([{ state: 'listed' }]);
      expect(await indexColumns(knex, 'orders', 'orders_status_expires_idx')).toEqual(['state', 'number']);
    }));
});
