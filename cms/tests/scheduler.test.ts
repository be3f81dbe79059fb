import { startApp, TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.close(); });

const jobs = () => app.strapi.plugin('scheduler').service('jobs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduled jobs are cluster-safe', () => {
  it('runs a job once when two runners (two instances) tick at the same moment', async () => {
    let runs = 0;
    jobs().define({ name: 'test.slow', cron: '* * * * *', run: async () => { runs += 1; await sleep(300); return { runs }; } });
    const outcomes = await Promise.all([jobs().runNow('test.slow', new Date(), 'instance-a'), jobs().runNow('test.slow', new Date(), 'instance-b')]);
    expect(outcomes.filter((o: any) => o.ran)).toHaveLength(1);
    expect(outcomes.filter((o: any) => !o.ran)).toEqual([{ ran: false, reason: 'held-elsewhere' }]);
    expect(runs).toBe(1);
    // the lease is released after the run: the next tick runs again
    expect((await jobs().runNow('test.slow')).ran).toBe(true);
    const lease = await app.strapi.db.query('plugin::scheduler.job-lease').findOne({ where: { name: 'test.slow' } });
    expect(lease).toMatchObject({ runs: 2, holder: null, leasedUntil: null, lastResult: { runs: 2 } });
  });

  it('takes over the lease of a crashed holder once it has expired', async () => {
    jobs().define({ name: 'test.crashed', cron: '* * * * *', run: async () => ({ ok: true }) });
    await jobs().runNow('test.crashed');
    await app.strapi.db.query('plugin::scheduler.job-lease').update({ where: { name: 'test.crashed' }, data: { holder: 'dead', leasedUntil: new Date(Date.now() + 60_000) } });
    expect((await jobs().runNow('test.crashed')).ran).toBe(false);
    await app.strapi.db.query('plugin::scheduler.job-lease').update({ where: { name: 'test.crashed' }, data: { leasedUntil: new Date(Date.now() - 1) } });
    expect((await jobs().runNow('test.crashed')).ran).toBe(true);
  });

  it('records a failing run and frees the lease', async () => {
    jobs().define({ name: 'test.failing', cron: '* * * * *', run: async () => { throw new Error('boom'); } });
    await expect(jobs().runNow('test.failing')).rejects.toThrow('boom');
    const lease = await app.strapi.db.query('plugin::scheduler.job-lease').findOne({ where: { name: 'test.failing' } });
    expect(lease.lastError).toContain('boom');
    expect(lease.leasedUntil).toBeNull();
  });

  it('purges expired captchas (identity job), and running it twice is harmless', async () => {
    const CAPTCHA = 'plugin::identity.captcha';
    await app.http.get('/api/auth/captcha');
    const old = await app.strapi.db.query(CAPTCHA).create({ data: { captchaId: 'old-one', code: 'abcd', expiresAt: new Date(Date.now() - 2 * 3600_000) } });
    const first = await jobs().runNow('identity.purge-captchas');
    expect(first).toEqual({ ran: true, result: { purged: 1 } });
    expect(await app.strapi.db.query(CAPTCHA).findOne({ where: { id: old.id } })).toBeNull();
    expect(await app.strapi.db.query(CAPTCHA).count({})).toBe(1);
    expect(await jobs().runNow('identity.purge-captchas')).toEqual({ ran: true, result: { purged: 0 } });
  });
});

describe('scheduled jobs across two server processes', () => {
  it('lets a second process on the same database see the lease and not run the job', async () => {
    const { spawn } = require('child_process');
    const path = require('path');
    const name = 'test.two-processes';
    // the second instance: the same compiled app and database, in its own OS process; it ticks as soon as it is up
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      (async () => {
        const strapi = await createStrapi({ appDir: ${JSON.stringify(path.resolve(__dirname, '..'))}, distDir: ${JSON.stringify(path.resolve(__dirname, '..', 'dist'))} }).load();
        const jobs = strapi.plugin('scheduler').service('jobs');
        jobs.define({ name: ${JSON.stringify(name)}, cron: '* * * * *', run: async () => ({ pid: process.pid }) });
        const outcome = await jobs.runNow(${JSON.stringify(name)}, new Date(), 'process-b');
        process.stdout.write('OUTCOME ' + JSON.stringify(outcome) + '\\n');
        await strapi.destroy();
      })().catch((e) => { process.stdout.write('ERROR ' + e.message + '\\n'); process.exit(1); });`;
    let output = '';
    let child: any;
    const reported = new Promise<void>((resolve) => {
      child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '..'), env: { ...process.env, LOG_LEVEL: 'error' } });
      child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); if (/OUTCOME|ERROR/.test(output)) resolve(); });
      child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child.on('exit', () => resolve());
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // this instance's run holds the lease until the other process has ticked
    jobs().define({ name, cron: '* * * * *', run: async () => { await reported; return { pid: process.pid }; } });
    const mine = await jobs().runNow(name, new Date(), 'process-a');
    await exited;
    expect(mine.ran).toBe(true);
    // the other process's whole output goes with a failure, so a boot that failed says why
    expect({ outcome: JSON.parse(/OUTCOME (.*)/.exec(output)?.[1] ?? 'null'), output: /OUTCOME/.test(output) ? 'ok' : output })
      .toEqual({ outcome: { ran: false, reason: 'held-elsewhere' }, output: 'ok' });
    const lease = await app.strapi.db.query('plugin::scheduler.job-lease').findOne({ where: { name } });
    expect(lease.runs).toBe(1);
  }, 90_000);
});
