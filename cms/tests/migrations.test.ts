/**
 * Database migrations (database/migrations) on a database the old code made. They run before
 * Strapi's schema sync, inside a transaction, with a knex bound to it: the same here.
 */
import path from 'path';
import { createDatabase, TEST_DB } from './helpers/db';
import { startApp } from './helpers/app';
import { as, signIn, tenant } from './helpers/fixtures';
import { product } from './helpers/catalogue';

const MIGRATIONS = path.resolve(__dirname, '..', '..', 'database', 'migrations');

const knexOn = (env: Record<string, string>) => require('knex')(TEST_DB === 'postgres'
  ? { client: 'pg', connection: {
    host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), database: env.DATABASE_NAME,
    user: env.DATABASE_USERNAME, password: env.DATABASE_PASSWORD,
  } }
  : { client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true });

async function withKnex(run: (knex: any) => Promise<void>) {
  const db = await createDatabase();
  const knex = knexOn(db.env);
  try { await run(knex); } finally { await knex.destroy(); await db.drop(); }
}

/**
 * Puts a database made by the new code back in the shape the old code left: `status` columns, the old
 * index names, the old schema remembered by Strapi, and the rename not yet run.
 */
async function downgrade(env: Record<string, string>, tables: string[]) {
  const knex = knexOn(env);
  try {
    for (const table of tables) await knex.schema.alterTable(table, (t: any) => t.renameColumn('state', 'status'));
    if (TEST_DB === 'postgres') {
      const { rows } = await knex.raw("select indexname from pg_indexes where schemaname = current_schema() and indexname like '%state%'");
      for (const { indexname } of rows.filter((i: any) => i.indexname.includes('_state_'))) {
        await knex.raw(`alter index ${indexname} rename to ${indexname.replace('_state_', '_status_')}`);
      }
    } else {
      const indexes = await knex('sqlite_master').where('type', 'index').andWhere('name', 'like', '%state%').select('name', 'sql');
      for (const { name, sql } of indexes.filter((i: any) => i.name.includes('_state_'))) {
        await knex.raw(`drop index ${name}`);
        await knex.raw(sql.replace(name, name.replace('_state_', '_status_')));
      }
    }
    const [stored] = await knex('strapi_database_schema').select('id', 'schema');
    const text = (typeof stored.schema === 'string' ? stored.schema : JSON.stringify(stored.schema))
      .replace(/"state"/g, '"status"').replace(/_state_/g, '_status_');
    await knex('strapi_database_schema').where('id', stored.id).update({ schema: text, hash: 'before-12.1' });
    await knex('strapi_migrations').where('name', 'like', '%rename-status-to-state%').delete();
    expect(await knex.schema.hasColumn('orders', 'status')).toBe(true);
    expect(await indexColumns(knex, 'orders', 'orders_status_expires_idx')).toEqual(['status', 'expires_at']);
  } finally { await knex.destroy(); }
}

/** The columns an index covers, on either database. */
async function indexColumns(knex: any, table: string, index: string): Promise<string[]> {
  if (TEST_DB === 'postgres') {
    const { rows } = await knex.raw(`select a.attname from pg_index i join pg_class c on c.oid = i.indexrelid
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where c.relname = ? order by array_position(i.indkey::int2[], a.attnum)`, [index]);
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
      await knex.schema.createTable('orders', (t: any) => {
        t.increments('id'); t.string('number'); t.string('status'); t.index(['status', 'number'], 'orders_status_expires_idx');
      });
      await knex.schema.createTable('enterprises', (t: any) => { t.increments('id'); t.string('name'); t.string('status'); });
      await knex('orders').insert([{ number: 'A', status: 'paid' }, { number: 'B', status: 'closed' }]);
      await knex('enterprises').insert([{ name: '甲', status: 'disabled' }]);
      // made by the new code already
      await knex.schema.createTable('products', (t: any) => { t.increments('id'); t.string('state'); });
      await knex('products').insert({ state: 'listed' });

      await knex.transaction((trx: any) => migration.up(trx));
      await knex.transaction((trx: any) => migration.up(trx));

      expect(await knex.schema.hasColumn('orders', 'status')).toBe(false);
      expect(await knex('orders').orderBy('id').select('number', 'state'))
        .toEqual([{ number: 'A', state: 'paid' }, { number: 'B', state: 'closed' }]);
      expect(await knex('enterprises').select('name', 'state')).toEqual([{ name: '甲', state: 'disabled' }]);
      expect(await knex('products').select('state')).toEqual([{ state: 'listed' }]);
      expect(await indexColumns(knex, 'orders', 'orders_status_expires_idx')).toEqual(['state', 'number']);
    }));

  it('boots on a database the old code made: the rows keep their values, the APIs their `status`', async () => {
    const db = await createDatabase();
    try {
      let app = await startApp(db.env);
      const supplier = await tenant(app, 'supplier', 'mig_supplier');
      const listed = await product(app, supplier, { name: '迁移前上架' });
      const unlisted = await product(app, supplier, { name: '迁移前下架', unlisted: true });
      await app.close();
      await downgrade(db.env, migration.TABLES);

      app = await startApp(db.env);
      try {
        const products = app.strapi.db.query('plugin::catalogue.product');
        const rows = await products.findMany({ where: { id: { $in: [listed.id, unlisted.id] } }, orderBy: { id: 'asc' } });
        expect(rows.map((p: any) => p.state)).toEqual(['listed', 'unlisted']);
        expect(await app.strapi.db.connection.schema.hasColumn('products', 'status')).toBe(false);
        // the enterprise is still active (its admin signs in) and the console still says `status`
        const token = await signIn(app, 'mig_supplier');
        expect((await as(app, token).get(`/products/${listed.id}`)).body).toMatchObject({ name: '迁移前上架', status: 'listed' });
        const filtered = await as(app, token).list('products', { filter: { status: 'unlisted' } });
        expect(filtered.body.map((p: any) => p.id)).toEqual([unlisted.id]);
        expect(await indexColumns(app.strapi.db.connection, 'orders', 'orders_state_expires_idx')).toEqual(['state', 'expires_at']);
        expect(await indexColumns(app.strapi.db.connection, 'orders', 'orders_status_expires_idx')).toEqual([]);
      } finally {
        await app.close();
      }
    } finally {
      await db.drop();
    }
  });
});
