const { path, http, sleep, request, percentile, signIn, inProcess, enterprise, measure } = require('./common');

async function collaborationBench() {
  console.log('\n## collaboration (PostgreSQL, HTTP)');
  const app = await inProcess('collab');
  try {
    const s = app.strapi;
    const knex = s.db.connection;
    const seller = await enterprise(s, 'seller', 'bench_reader');
    const supplier = await enterprise(s, 'supplier', 'bench_owner');
    // 1,000 enterprises (998 more), a third suppliers, a third sellers, a third both
    await knex.raw(`INSERT INTO enterprises (document_id, name, credit_code, kind, state, created_at, updated_at)
      SELECT md5('e' || g), '企业' || g, '9111BENCH' || lpad(g::text, 9, '0'), (ARRAY['supplier','seller','both'])[1 + g % 3], 'active', now(), now()
      FROM generate_series(1, 998) g`);
    const owners = (await knex('enterprises').select('id')).map((r) => r.id);
    const started = Date.now();
    // 100,000 resources: 70 % listed; audiences all 40 %, suppliers 20 %, sellers 20 %, named 20 % (3 enterprises each, the reader in 1 of 50)
    await knex.raw(`INSERT INTO collab_resources (document_id, owner_id, title, type, region, description, valid_from, valid_to, audience, audience_ids, audience_key, state, listed_at, picture_ids, attachment_ids, created_at, updated_at)
      SELECT md5('r' || g), (?::int[])[1 + g % ?], '资源' || g, (ARRAY['venue','product','service','traffic','media','other'])[1 + g % 6], (ARRAY['杭州','上海','北京','广州'])[1 + g % 4],
             '描述 ' || g, '2020-01-01', CASE WHEN g % 10 = 0 THEN '2021-01-01' ELSE '2099-12-31' END,
             (ARRAY['all','all','suppliers','sellers','named'])[1 + g % 5],
             '[]'::jsonb,
             CASE WHEN g % 5 = 4 THEN '|' || (CASE WHEN g % 50 = 4 THEN ? ELSE (?::int[])[1 + g % ?] END) || '|' || (?::int[])[1 + (g * 7) % ?] || '|' ELSE NULL END,
             CASE WHEN g % 10 < 7 THEN 'listed' WHEN g % 10 < 9 THEN 'draft' ELSE 'unlisted' END,
             now() - ((g % 400) || ' minutes')::interval, '[]'::jsonb, '[]'::jsonb, now(), now()
      FROM generate_series(1, 100000) g`, [owners, owners.length, seller.id, owners, owners.length, owners, owners.length]);
    await knex.raw('ANALYZE');
    console.log(`- loaded 100,000 resources from ${owners.length} enterprises in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const token = await signIn(app.port, 'bench_reader', 'Bench123456');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const types = ['venue', 'product', 'service', 'traffic', 'media', 'other'];
    const url = (i) => `/api/console/all-resources?${new URLSearchParams({
      filter: JSON.stringify(i % 3 === 0 ? { type: types[i % 6] } : i % 3 === 1 ? { q: `资源${1 + (i % 9)}`, region: '杭州' } : {}),
      sort: JSON.stringify(['listedAt', 'DESC']), range: JSON.stringify([(i % 8) * 25, (i % 8) * 25 + 24]),
    })}`;
    const probe = await request(app.port, 'GET', url(2), { token, agent });
    console.log(`- ${probe.headers['content-range']} visible to one seller`);
    for (const clients of [1, 10]) await measure('visible resources, page of 25', clients, clients === 1 ? 60 : 20, async (i) => {
      const res = await request(app.port, 'GET', url(i), { token, agent });
      if (res.status !== 200) throw new Error(String(res.status));
    });

    // message latency: the supplier's console listens; the seller writes 20 messages one after another
    const principal = await s.plugin('identity').service('principal').load(seller.userId);
    const [resource] = await knex('collab_resources').insert({ document_id: 'bench-lat', owner_id: supplier.id, title: '延迟测试', type: 'venue', valid_from: '2020-01-01', valid_to: '2099-12-31', audience: 'all', audience_ids: '[]', state: 'listed', listed_at: new Date(), picture_ids: '[]', attachment_ids: '[]', created_at: new Date(), updated_at: new Date() }).returning('id');
    const thread = await s.plugin('messaging').service('conversations').start(principal, { subjectType: 'resource', subjectId: resource.id ?? resource, text: '开始' });
    void principal;
    const supplierToken = await signIn(app.port, 'bench_owner', 'Bench123456');
    const waiting = [];
    const stream = http.get({ host: '127.0.0.1', port: app.port, path: '/api/console/events', headers: { Authorization: `Bearer ${supplierToken}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
          if (block.startsWith('data: ') && waiting.length) waiting.shift()();
        }
      });
    });
    await sleep(300);
    const heard = [];
    const shown = [];
    for (let i = 0; i < 20; i += 1) {
      const event = new Promise((resolve) => waiting.push(resolve));
      const t0 = process.hrtime.bigint();
      const sent = await request(app.port, 'POST', '/api/console/conversation-messages', { token, agent, body: { conversationId: thread.id, body: `消息 ${i}` } });
      if (sent.status !== 201) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
      await event;
      heard.push(Number(process.hrtime.bigint() - t0) / 1e6);
      // what the console then does: refetch the open thread
      await request(app.port, 'GET', `/api/console/conversation-messages?${new URLSearchParams({ filter: JSON.stringify({ conversationId: thread.id }), sort: JSON.stringify(['createdAt', 'ASC']), range: JSON.stringify([0, 49]) })}`, { token: supplierToken, agent });
      shown.push(Number(process.hrtime.bigint() - t0) / 1e6);
      await sleep(50);
    }
    stream.destroy();
    console.log(`- message sent → other console hears of it (SSE): median ${percentile(heard, 50).toFixed(1)} ms, max ${Math.max(...heard).toFixed(1)} ms (20 messages)`);
    console.log(`- message sent → other console has refetched the thread: median ${percentile(shown, 50).toFixed(1)} ms, max ${Math.max(...shown).toFixed(1)} ms`);
    agent.destroy();
  } finally { await app.close(); }
}

module.exports = collaborationBench;
