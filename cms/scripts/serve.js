#!/usr/bin/env node
/**
 * Serves the built app (what `npm start` runs once everything is built). On PostgreSQL it uses every
 * core: one worker process per core (`WEB_CONCURRENCY` overrides; node:cluster shares the port). The
 * first worker boots alone (migrations, schema sync and the demo seed run once), then the others
 * start. A worker that dies is replaced. SQLite stays one process (one writer; the file is local).
 * Jobs (leases), live events (LISTEN/NOTIFY), captchas, lockouts and rate limits live in the database,
 * so workers need nothing from each other.
 */
const cluster = require('node:cluster');
const os = require('node:os');
const path = require('node:path');

const cms = path.resolve(__dirname, '..');
const postgres = process.env.DATABASE_CLIENT === 'postgres';
const wanted = Number(process.env.WEB_CONCURRENCY || (postgres ? (os.availableParallelism?.() ?? os.cpus().length) : 1));
const workers = postgres && Number.isSafeInteger(wanted) && wanted > 1 ? Math.min(wanted, 64) : 1;

async function serve() {
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [cms] }));
  const app = createStrapi({ appDir: cms, distDir: path.join(cms, 'dist') });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try { await app.destroy(); } finally { process.exit(0); }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await app.start();
}

if (workers === 1 || !cluster.isPrimary) {
  if (cluster.isWorker) process.env.COP_WORKER_ID = String(cluster.worker.id);
  serve().catch((error) => { console.error(error); process.exit(1); });
} else {
  let shuttingDown = false;
  let firstListened = false;
  const fork = () => cluster.fork();
  // the first worker alone, the others once it listens
  const first = fork();
  first.once('listening', () => {
    firstListened = true;
    for (let i = 1; i < workers; i += 1) fork();
    console.log(`Serving with ${workers} worker processes (WEB_CONCURRENCY=${workers})`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (shuttingDown) {
      if (!Object.keys(cluster.workers).length) process.exit(0);
      return;
    }
    if (worker === first && !firstListened) {
      console.error(`the first worker failed to start (code ${code}, signal ${signal})`);
      process.exit(code || 1);
    }
    console.error(`worker ${worker.process.pid} exited (code ${code}, signal ${signal}); starting another`);
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      shuttingDown = true;
      for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 15_000).unref();
    });
  }
}
