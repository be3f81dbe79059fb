const { spawnSync, fs, os, path, inProcess, enterprise, measure } = require('./common');

async function ledgerBench() {
  console.log('\n## ledger freeze + capture (PostgreSQL)');
  const app = await inProcess('ledger');
  try {
    const s = app.strapi;
    const ledger = s.plugin('ledger').service('ledger');
    const supplier = await enterprise(s, 'supplier', 'bench_money');
    const accounts = [];
    for (let k = 0; k < 50; k += 1) {
      const seller = await enterprise(s, 'seller', `bench_payer${k}`);
      await s.db.connection('partnerships').insert({ document_id: `lp${k}`, supplier_id: supplier.id, seller_id: seller.id, state: 'active', created_at: new Date(), updated_at: new Date() });
      const account = await ledger.open(supplier.id, seller.id, 'prepaid');
      await ledger.setStatus(account.id, 'enabled');
      await ledger.topUp(account.id, 1_000_000_000, { transferId: `seed-${k}` });
      accounts.push(account.id);
    }
    let n = 0;
    const results = {};
    for (const clients of [1, 20]) {
      results[clients] = await measure('freeze+capture pair', clients, clients === 1 ? 300 : 60, async (i) => {
        n += 1;
        const m = n;
        await ledger.freeze(accounts[i % 50], 100, { transferId: `bf-${m}`, orderRef: `BO-${m}` });
        await ledger.capture(`bf-${m}`, { transferId: `bc-${m}` });
      });
    }
    const report = await ledger.check();
    console.log(`- ledger check after the run: ${report.mismatches.length} mismatches, debits ${report.balanced ? '=' : '≠'} credits`);
    // the same two transactions as plain SQL, by pgbench, on the same database and machine
    // each pair has its own revenue account; in this fresh database ids run cash, revenue, prepaid per pair
    const revenues = [];
    for (const id of accounts) revenues.push(await ledger.control(supplier.id, (await ledger.account(id)).sellerId, 'revenue'));
    const step = accounts[1] - accounts[0];
    if (!accounts.every((id, k) => id === accounts[0] + k * step && revenues[k] === id - 1)) throw new Error('unexpected account id layout for pgbench');
    const script = path.join(os.tmpdir(), `cop-ledger-${process.pid}.sql`);
    fs.writeFileSync(script, `\\set k random(0, 49)
\\set a ${accounts[0]} + ${step} * :k
\\set r :a - 1
BEGIN;
SELECT id FROM ledger_accounts WHERE id IN (:a, :r) ORDER BY id FOR UPDATE;
SELECT 1 FROM partnerships WHERE supplier_id = ${supplier.id} AND state = 'active' LIMIT 1;
UPDATE ledger_accounts SET debits_pending = debits_pending + 100 WHERE id = :a AND credits_posted - debits_posted - debits_pending >= 100;
UPDATE ledger_accounts SET credits_pending = credits_pending + 100 WHERE id = :r;
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at)
  VALUES (md5(random()::text), 'pgf-' || :client_id || '-' || md5(random()::text), :a, :r, 100, 'pending', 'freeze', :a, ${supplier.id}, 1, 'out', 0, 100, now(), now());
COMMIT;
BEGIN;
SELECT id FROM ledger_accounts WHERE id IN (:a, :r) ORDER BY id FOR UPDATE;
UPDATE ledger_accounts SET debits_pending = debits_pending - 100, debits_posted = debits_posted + 100 WHERE id = :a;
UPDATE ledger_accounts SET credits_pending = credits_pending - 100, credits_posted = credits_posted + 100 WHERE id = :r;
INSERT INTO ledger_transfers (document_id, transfer_id, debit_account_id, credit_account_id, amount, flag, pending_id, kind, account_id, supplier_id, seller_id, direction, available_after, frozen_after, created_at, updated_at)
  VALUES (md5(random()::text), 'pgc-' || md5(random()::text), :a, :r, 100, 'post', 'pgp-' || md5(random()::text), 'capture', :a, ${supplier.id}, 1, 'out', 0, 0, now(), now());
COMMIT;
`);
    for (const clients of [1, 20]) {
      const out = spawnSync('pgbench', ['-n', '-h', '127.0.0.1', '-U', 'postgres', '-c', String(clients), '-j', '2', '-T', '10', '-f', script, app.name], { encoding: 'utf8' });
      const tps = /tps = ([\d.]+)/.exec(out.stdout)?.[1];
      const latency = /latency average = ([\d.]+) ms/.exec(out.stdout)?.[1];
      console.log(`- pgbench, same SQL, ${clients} client(s): ${tps ? Number(tps).toFixed(0) : '?'} pairs/s, average ${latency ?? '?'} ms${tps ? `; the service reaches ${(100 * results[clients] / Number(tps)).toFixed(0)}% of it` : ` (${out.stderr.trim().split('\n').pop()})`}`);
    }
    fs.rmSync(script, { force: true });
  } finally { await app.close(); }
}

module.exports = ledgerBench;
