const { inProcess, enterprise, measure } = require('./common');

async function reserveBench() {
  console.log('\n## inventory reserve (PostgreSQL, in-process service calls)');
  const app = await inProcess('reserve');
  try {
    const stock = app.strapi.plugin('inventory').service('stock');
    const supplier = await enterprise(app.strapi, 'supplier', 'bench_stock');
    for (let p = 1; p <= 200; p += 1) {
      await stock.setPolicy(p, supplier.id, 'daily');
      await stock.maintain({ productId: p, supplierId: supplier.id, mode: 'set', quantity: 1_000_000, from: '2027-01-01', to: '2027-01-30' });
    }
    const day = (i) => `2027-01-${String(1 + (i % 30)).padStart(2, '0')}`;
    const expiresAt = new Date(Date.now() + 3600_000);
    let n = 0;
    for (const clients of [1, 20]) {
      await measure('reserve of 2 lines', clients, clients === 1 ? 400 : 100, async (i) => {
        n += 1;
        await stock.reserve([
          { reference: `b${n}-a`, productId: 1 + (i * 7) % 200, quantity: 1, day: day(i) },
          { reference: `b${n}-b`, productId: 1 + (i * 13 + 5) % 200, quantity: 2, day: day(i + 3) },
        ], { expiresAt });
      });
    }
    const drift = await stock.reconcile();
    console.log(`- reconcile after the run: ${drift.length} mismatching stock rows`);
  } finally { await app.close(); }
}

module.exports = reserveBench;
