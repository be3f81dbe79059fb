import { hostname } from 'os';
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/types';

export const JOB_LEASE = 'plugin::scheduler.job-lease';
export const TIME_ZONE = 'Asia/Shanghai';

export interface JobContext { now: Date; strapi: Core.Strapi }
export interface JobDefinition {
  /** Unique, e.g. 'inventory.expire-reservations'. */
  name: string;
  /** node-cron expression, evaluated in Asia/Shanghai. */
  cron: string;
  /** Must be idempotent: a job may run again for the same moment after a crash. */
  run(ctx: JobContext): Promise<Record<string, unknown> | void>;
  /** Longest a run may hold the job (default 5 minutes); a crashed holder loses it after this. */
  leaseMs?: number;
}
export type RunOutcome = { ran: true; result: Record<string, unknown> | void } | { ran: false; reason: 'held-elsewhere' };

/**
 * Scheduled jobs that are safe with several server instances on one database: every tick, each
 * instance tries to take the job's lease with one guarded UPDATE (… WHERE leased_until IS NULL OR
 * leased_until < now); only the winner runs it. The lease works the same on PostgreSQL and SQLite and
 * expires by itself if its holder dies. Jobs are idempotent, so running one twice is harmless anyway.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = new Map<string, JobDefinition>();
  const tasks: { stop(): unknown }[] = [];
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // errors already logged by runNow, so a tick does not log them twice
  const logged = new WeakSet<object>();

  async function ensureRow(name: string) {
    const existing = await strapi.db.query(JOB_LEASE).findOne({ where: { name }, select: ['id'] });
    if (existing) return;
    try {
      await strapi.db.query(JOB_LEASE).create({ data: { name, runs: 0 } });
    } catch {
      // another instance created it between our read and insert: the unique index keeps one row
    }
  }

  return {
    define(job: JobDefinition) {
      if (jobs.has(job.name)) throw new Error(`job ${job.name} defined twice`);
      jobs.set(job.name, job);
    },

    list(): string[] {
      return [...jobs.keys()];
    },

    /**
     * A job's walk over its due items: pages from `page(afterId, limit)` (ids ascending, all above
     * afterId), each item handled by `work` in its own transaction. A failing item is rolled back,
     * logged (job, item id, stack) and skipped, and the cursor moves past it, so one poisoned row
     * neither stops the job nor makes it read the same row again. `work` answers how many things it
     * did (a number) or whether it did it; `done` sums that.
     */
    async eachItem<T extends { id: number }>(
      job: string,
      page: (afterId: number, limit: number) => Promise<T[]>,
      work: (item: T) => Promise<number | boolean | unknown>,
      batch = 200,
    ): Promise<{ done: number; failed: number }> {
      let lastId = 0;
      let done = 0;
      let failed = 0;
      for (;;) {
        const items = await page(lastId, batch);
        for (const item of items) {
          lastId = Math.max(lastId, item.id);
          try {
            const result = await strapi.db.transaction(() => work(item));
            done += typeof result === 'number' ? result : result ? 1 : 0;
          } catch (error) {
            failed += 1;
            strapi.log.error(`job ${job}: item ${item.id} failed and was skipped: ${(error as Error)?.stack ?? String(error)}`);
          }
        }
        if (items.length < batch) return { done, failed };
      }
    },

    /** Run a job now, as a tick would: only if this caller wins the lease. `now` is injectable. */
    async runNow(name: string, now: Date = new Date(), by = holder): Promise<RunOutcome> {
      const job = jobs.get(name);
      if (!job) throw new Error(`unknown job ${name}`);
      await ensureRow(name);
      const until = new Date(Date.now() + (job.leaseMs ?? 5 * 60_000));
      const { count } = await strapi.db.query(JOB_LEASE).updateMany({
        where: { name, $or: [{ leasedUntil: { $null: true } }, { leasedUntil: { $lt: new Date() } }] },
        data: { holder: by, leasedUntil: until, lastStartedAt: new Date() },
      });
      if (!count) return { ran: false, reason: 'held-elsewhere' };
      let result: Record<string, unknown> | void = undefined;
      let error: unknown;
      try {
        result = await job.run({ now, strapi });
      } catch (e) {
        error = e;
        // every caller (a tick, a test, an operator) gets the failure logged once, here
        strapi.log.error(`job ${name} failed (run by ${by}): ${describe(error)}`);
        if (typeof error === 'object' && error !== null) logged.add(error);
      }
      const row = await strapi.db.query(JOB_LEASE).findOne({ where: { name } });
      await strapi.db.query(JOB_LEASE).update({
        where: { name, holder: by },
        data: {
          holder: null, leasedUntil: null, lastFinishedAt: new Date(), runs: Number(row?.runs ?? 0) + 1,
          lastResult: (result ?? null) as any, lastError: error ? String((error as Error).stack ?? error) : null,
        },
      });
      if (error) throw error;
      return { ran: true, result };
    },

    /** Start the cron ticks (not in tests: SCHEDULER_ENABLED=false; tests call runNow). */
    start() {
      if (process.env.SCHEDULER_ENABLED === 'false') return;
      const cron = require('node-cron');
      for (const job of jobs.values()) {
        tasks.push(cron.schedule(job.cron, () => {
          this.runNow(job.name).catch((error: unknown) => {
            // a failing run is logged by runNow; this catches the rest (the lease's own queries)
            if (!(typeof error === 'object' && error !== null && logged.has(error))) {
              strapi.log.error(`job ${job.name} could not run: ${describe(error)}`);
            }
          });
        }, { timezone: TIME_ZONE, name: job.name, noOverlap: true }));
      }
      strapi.log.info(`scheduler: ${jobs.size} job(s) on ${holder}`);
    },

    stop() {
      for (const task of tasks.splice(0)) task.stop();
    },
  };
};

function describe(error: unknown): string {
  return String((error as Error)?.stack ?? error);
}
