import path from 'path';

/**
 * SQLite is the embedded default (file under <repo>/database/data, git-ignored).
 * PostgreSQL: DATABASE_CLIENT=postgres with DATABASE_URL, or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD.
 */
export default ({ env }) => {
  // Strapi's PostgreSQL datetimes are `timestamp without time zone` and node-postgres writes a Date in
  // the process's local time: the process runs in UTC so that stored times are UTC and SQL that buckets
  // them into Asia/Shanghai days (reports, home figures) is right whatever the host's time zone is.
  process.env.TZ = 'UTC';
  const client = env('DATABASE_CLIENT', 'sqlite');
  if (client === 'postgres') {
    const url = env('DATABASE_URL');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url, ssl: env.bool('DATABASE_SSL', false) }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'cop'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false),
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }
  if (client !== 'sqlite') throw new Error(`DATABASE_CLIENT must be sqlite or postgres, got ${client}`);
  const filename = env('DATABASE_FILENAME', path.join(__dirname, '..', '..', '..', 'database', 'data', 'cop.db'));
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(filename) },
      useNullAsDefault: true,
    },
  };
};
