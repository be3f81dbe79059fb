import http from 'http';
import { startApp, TestApp } from './helpers/app';
import { as, tenant, Tenant } from './helpers/fixtures';
import { shift, today } from './helpers/catalogue';

let app: TestApp;
let supplier: Tenant; // publishes
let seller: Tenant; // in the audience
let outsider: Tenant; // a supplier outside seller-only audiences
let named: Tenant; // a seller named explicitly
// a real 1×1 PNG: uploads are decoded (sharp), a bare signature is refused
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489'
  + '0000000d4944415478da63f8cfc0f01f0005000201ff0d9b6d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

const upload = async (token: string, content: Buffer, name: string) =>
  (await app.http.post('/api/console/files/upload').set('Authorization', `Bearer ${token}`).attach('file', content, name));
const ids = (res: any) => res.body.map((r: any) => r.id);
const resourceBody = (extra: Record<string, unknown> = {}) => ({
  title: '景区场地合作', type: 'venue', region: '杭州', description: '湖边草坪，可办活动', contactName: '李经理', contactPhone: '13900000000',
  validFrom: today(), validTo: shift(today(), 30), audience: 'sellers', ...extra,
});

beforeAll(async () => {
  app = await startApp();
  supplier = await tenant(app, 'supplier', 'col_supplier');
  seller = await tenant(app, 'seller', 'col_seller');
  outsider = await tenant(app, 'supplier', 'col_outsider');
  named = await tenant(app, 'seller', 'col_named');
});
afterAll(async () => { await app?.close(); });

describe('resources (F10, F11)', () => {
  let resource: any;
  it('drafts, lists to an audience, and refuses edits while listed', async () => {
    const picture = await upload(supplier.token, PNG, 'lawn.png');
    const pdf = await upload(supplier.token, PDF, 'plan.pdf');
    const created = await as(app, supplier.token).post('/resources', resourceBody({ pictureIds: [picture.body.id], attachmentIds: [pdf.body.id] }));
    expect(created.status).toBe(201);
    resource = created.body;
    expect(resource).toMatchObject({ status: 'draft', audience: 'sellers', pictures: [{ id: picture.body.id, name: 'lawn.png' }], attachments: [{ name: 'plan.pdf' }] });
    // a draft is nobody else's
    expect(ids(await as(app, seller.token).list('all-resources'))).not.toContain(resource.id);
    expect((await as(app, supplier.token).post(`/resources/${resource.id}/list`)).body.status).toBe('listed');
    const edit = await as(app, supplier.token).put(`/resources/${resource.id}`, { title: '改名' });
    expect(edit.status).toBe(409);
    expect((await as(app, supplier.token).delete(`/resources/${resource.id}`)).status).toBe(409);
    // pictures must be images; files must be the owner's
    const wrong = await as(app, supplier.token).post('/resources', resourceBody({ pictureIds: [pdf.body.id] }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toHaveProperty('pictureIds');
    const theirs = await upload(seller.token, PDF, 'theirs.pdf');
    const stolen = await as(app, supplier.token).post('/resources', resourceBody({ attachmentIds: [theirs.body.id] }));
    expect(stolen.body.errors).toHaveProperty('attachmentIds');
  });

  it('shows a listed resource to its audience only: in lists, search, by id and its files', async () => {
    const visible = await as(app, seller.token).list('all-resources', { filter: { q: '草坪' } });
    expect(ids(visible)).toEqual([resource.id]);
    expect(visible.body[0]).toMatchObject({ ownerName: 'col_supplier 企业', favourite: false, title: '景区场地合作' });
    expect(visible.body[0]).not.toHaveProperty('audienceIds');
    const picture = await as(app, seller.token).get(`/all-resources/${resource.id}/file?fileId=${resource.pictures[0].id}`);
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    // a supplier is outside a sellers-only audience; the owner does not see its own among "all"
    for (const who of [outsider, supplier]) {
      expect(ids(await as(app, who.token).list('all-resources'))).not.toContain(resource.id);
      expect((await as(app, who.token).get(`/all-resources/${resource.id}`)).status).toBe(404);
      expect((await as(app, who.token).get(`/all-resources/${resource.id}/file?fileId=${resource.pictures[0].id}`)).status).toBe(404);
    }
  });

  it('names enterprises: only they see it, and unknown ids are refused', async () => {
    const bad = await as(app, supplier.token).post('/resources', resourceBody({ audience: 'named', audienceIds: [999999] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('audienceIds');
    expect((await as(app, supplier.token).post('/resources', resourceBody({ audience: 'named' }))).body.errors).toHaveProperty('audienceIds');
    const only = (await as(app, supplier.token).post('/resources', resourceBody({ title: '定向资源', audience: 'named', audienceIds: [named.enterpriseId] }))).body;
    await as(app, supplier.token).post(`/resources/${only.id}/list`);
    expect(ids(await as(app, named.token).list('all-resources'))).toContain(only.id);
    expect(ids(await as(app, seller.token).list('all-resources'))).not.toContain(only.id);
    expect((await as(app, seller.token).get(`/all-resources/${only.id}`)).status).toBe(404);
  });

  it('favourites per user; unlisting hides it; copy makes an editable draft', async () => {
    const fav = await as(app, seller.token).post('/resource-favourites', { resourceId: resource.id });
    expect(fav.status).toBe(201);
    expect(fav.body).toMatchObject({ resourceId: resource.id, title: '景区场地合作', ownerName: 'col_supplier 企业' });
    expect((await as(app, seller.token).post('/resource-favourites', { resourceId: resource.id })).status).toBe(200);
    const mine = await as(app, seller.token).list('all-resources', { filter: { favourite: true } });
    expect(mine.body.map((r: any) => [r.id, r.favourite, r.favouriteId])).toEqual([[resource.id, true, fav.body.id]]);
    expect((await as(app, outsider.token).post('/resource-favourites', { resourceId: resource.id })).body.errors).toHaveProperty('resourceId');
    expect((await as(app, supplier.token).post(`/resources/${resource.id}/unlist`)).body.status).toBe('unlisted');
    expect(ids(await as(app, seller.token).list('all-resources'))).not.toContain(resource.id);
    // the favourite stays, but shows nothing of a resource the user can no longer see
    expect((await as(app, seller.token).get(`/resource-favourites/${fav.body.id}`)).body).toMatchObject({ resourceId: resource.id, available: false, title: null, status: null });
    const copy = await as(app, supplier.token).post(`/resources/${resource.id}/copy`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', title: '景区场地合作（副本）', region: '杭州' });
    expect(copy.body.id).not.toBe(resource.id);
    expect((await as(app, supplier.token).put(`/resources/${resource.id}`, { title: '已下架可改' })).body.title).toBe('已下架可改');
    expect((await as(app, supplier.token).delete(`/resources/${copy.body.id}`)).status).toBe(200);
    expect((await as(app, seller.token).delete(`/resource-favourites/${fav.body.id}`)).status).toBe(200);
  });

  it('answers ids beyond a 32-bit integer with 404 / 400, never 500', async () => {
    expect((await as(app, seller.token).get('/all-resources/3000000000')).status).toBe(404);
    const fav = await as(app, seller.token).post('/resource-favourites', { resourceId: 3_000_000_000 });
    expect(fav.status).toBe(400);
    expect(fav.body.errors).toHaveProperty('resourceId');
    expect((await as(app, seller.token).list('all-resources', { filter: { ownerId: 3_000_000_000 } })).status).toBe(400);
    expect((await as(app, seller.token).post('/conversations', { subjectType: 'plain', counterpartId: 3_000_000_000, text: 'x' })).status).toBe(400);
  });

  it('refuses a past resource from being listed and searches my own by conditions', async () => {
    const old = (await as(app, supplier.token).post('/resources', resourceBody({ title: '过期资源', validFrom: shift(today(), -10), validTo: shift(today(), -1) }))).body;
    const listing = await as(app, supplier.token).post(`/resources/${old.id}/list`);
    expect(listing.status).toBe(400);
    expect(listing.body.errors).toHaveProperty('validTo');
    const drafts = await as(app, supplier.token).list('resources', { filter: { status: 'draft', type: 'venue', q: '过期' } });
    expect(ids(drafts)).toEqual([old.id]);
    expect(drafts.body[0].attachmentIds).toEqual([]);
  });
});

describe('opportunities (F12, F13)', () => {
  let opportunity: any;
  it('publishes to an audience; a seller responds once, the publisher sees it and is notified', async () => {
    const created = await as(app, seller.token).post('/opportunities', {
      title: '采购团建门票', kind: 'purchase', budgetMin: 100000, budgetMax: 500000, region: '上海', deadline: shift(today(), 7), description: '200 人', audience: 'suppliers',
    });
    expect(created.status).toBe(201);
    opportunity = created.body;
    expect(opportunity).toMatchObject({ status: 'open', responseCount: 0, budgetMin: 100000, budgetMax: 500000 });
    const received = await as(app, supplier.token).list('received-opportunities', { filter: { kind: 'purchase' } });
    expect(received.body.map((r: any) => [r.id, r.publisherName, r.responded, r.expired])).toEqual([[opportunity.id, 'col_seller 企业', false, false]]);
    // sellers are outside a suppliers audience, the publisher cannot respond to its own
    expect((await as(app, named.token).get(`/received-opportunities/${opportunity.id}`)).status).toBe(404);
    expect((await as(app, seller.token).post(`/received-opportunities/${opportunity.id}/respond`, { message: 'x' })).status).toBe(404);
    expect((await as(app, supplier.token).post(`/received-opportunities/${opportunity.id}/respond`, {})).body.errors).toHaveProperty('message');
    const responded = await as(app, supplier.token).post(`/received-opportunities/${opportunity.id}/respond`, { message: '我们可提供 200 张门票' });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ responded: true, myResponse: { message: '我们可提供 200 张门票', status: 'active' } });
    const again = await as(app, supplier.token).post(`/received-opportunities/${opportunity.id}/respond`, { message: '再来一次' });
    expect(again.status).toBe(409);
    const responses = await as(app, seller.token).list('opportunity-responses', { filter: { opportunityId: opportunity.id } });
    expect(responses.body.map((r: any) => [r.responderName, r.message, r.status, r.opportunityTitle])).toEqual([['col_supplier 企业', '我们可提供 200 张门票', 'active', '采购团建门票']]);
    expect((await as(app, seller.token).get(`/opportunities/${opportunity.id}`)).body.responseCount).toBe(1);
    expect(ids(await as(app, supplier.token).list('received-opportunities', { filter: { responded: true } }))).toEqual([opportunity.id]);
    const inbox = await as(app, seller.token).list('notifications', { filter: { type: 'opportunity' } });
    expect(inbox.body[0]).toMatchObject({ title: 'col_supplier 企业 响应了商机「采购团建门票」', read: false });
    // the response freezes the opportunity's content
    expect((await as(app, seller.token).put(`/opportunities/${opportunity.id}`, { title: '改' })).status).toBe(409);
    expect((await as(app, seller.token).delete(`/opportunities/${opportunity.id}`)).status).toBe(409);
    expect(ids(await as(app, outsider.token).list('opportunity-responses'))).toEqual([]);
  });

  it('lets the responder withdraw and respond again before the deadline; none after; closing ends it', async () => {
    expect((await as(app, supplier.token).post(`/received-opportunities/${opportunity.id}/withdraw`)).body.myResponse.status).toBe('withdrawn');
    expect((await as(app, seller.token).get(`/opportunities/${opportunity.id}`)).body.responseCount).toBe(0);
    expect((await as(app, supplier.token).post(`/received-opportunities/${opportunity.id}/respond`, { message: '重新报价' })).body.myResponse).toMatchObject({ status: 'active', message: '重新报价' });
    expect(await app.strapi.db.query('plugin::collaboration.opportunity-response').count({ where: { opportunityId: opportunity.id } })).toBe(1);
    // past the deadline (an injected clock): no responses, no withdrawals
    const opportunities = app.strapi.plugin('collaboration').service('opportunities');
    const principal = await app.strapi.plugin('identity').service('principal').load(outsider.adminId);
    const row = await app.strapi.db.query('plugin::collaboration.opportunity').findOne({ where: { id: opportunity.id } });
    const later = new Date(Date.now() + 9 * 86_400_000);
    await expect(opportunities.respond(principal, row, '迟到', later)).rejects.toMatchObject({ status: 400, fields: { deadline: expect.anything() } });
    const past = await as(app, seller.token).post('/opportunities', { title: '已截止', kind: 'other', deadline: shift(today(), -1) });
    expect(past.body.errors).toHaveProperty('deadline');
    expect((await as(app, seller.token).post(`/opportunities/${opportunity.id}/close`)).body.status).toBe('closed');
    expect((await as(app, outsider.token).get(`/received-opportunities/${opportunity.id}`)).status).toBe(404);
    const bad = await as(app, seller.token).post('/opportunities', { title: 'x', kind: 'other', deadline: shift(today(), 3), budgetMin: 500, budgetMax: 100 });
    expect(bad.body.errors).toHaveProperty('budgetMax');
  });
});

describe('announcements (F40, F41)', () => {
  it('sanitises the body: stored XSS is impossible, from the console and from the admin panel\'s path', async () => {
    const evil = '<p onclick="alert(1)">Hi<script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">x</a><iframe src="//evil"></iframe><b>ok</b></p>';
    const res = await as(app, supplier.token).post('/announcements', { type: 'notice', title: '净化', body: evil, audience: 'all' });
    expect(res.status).toBe(201);
    for (const bad of ['<script', 'onclick', 'onerror', 'javascript:', '<iframe', 'alert(2)']) expect(res.body.body).not.toContain(bad);
    expect(res.body.body).toContain('<b>ok</b>');
    const direct = await app.strapi.db.query('plugin::messaging.announcement').create({ data: { type: 'notice', title: 'admin', body: '<script>x()</script><i>fine</i>', audience: 'all', state: 'draft', pinned: false } });
    expect(direct.body).toBe('<i>fine</i>');
    await app.strapi.db.query('plugin::messaging.announcement').createMany({ data: [{ type: 'notice', title: 'many', body: '<img src=x onerror=alert(1)>ok', audience: 'all', state: 'draft', pinned: false }] });
    expect((await app.strapi.db.query('plugin::messaging.announcement').findOne({ where: { title: 'many' } })).body).not.toContain('onerror');
  });

  it('requires the body: missing, an empty editor (<p></p>) or only markup is a 400 on body, on create, edit and publish', async () => {
    const base = { type: 'notice', title: '正文必填', audience: 'all' };
    for (const body of [undefined, '', '<p></p>', '<p> &nbsp; </p><br>', '<script>x()</script>']) {
      const res = await as(app, supplier.token).post('/announcements', body === undefined ? base : { ...base, body });
      expect([body, res.status, Object.keys(res.body.errors ?? {})]).toEqual([body, 400, ['body']]);
    }
    const draft = (await as(app, supplier.token).post('/announcements', { ...base, body: '<p>有内容</p>' })).body;
    const emptied = await as(app, supplier.token).put(`/announcements/${draft.id}`, { ...draft, body: '<p></p>' });
    expect(emptied.status).toBe(400);
    expect(emptied.body.errors).toHaveProperty('body');
    // a body written emptied outside the console (the admin panel) is still refused on publishing
    await app.strapi.db.query('plugin::messaging.announcement').update({ where: { id: draft.id }, data: { body: '<p></p>' } });
    const publish = await as(app, supplier.token).post(`/announcements/${draft.id}/publish`);
    expect(publish.status).toBe(400);
    expect(publish.body.errors).toHaveProperty('body');
  });

  it('derives the audience key for named announcements written outside the console (the admin panel)', async () => {
    const row = await app.strapi.db.query('plugin::messaging.announcement').create({ data: { type: 'notice', title: '平台定向', body: '<p>x</p>', audience: 'named', audienceIds: [named.enterpriseId], state: 'published', pinned: false } });
    expect(row).toMatchObject({ audienceKey: `|${named.enterpriseId}|`, releasedAt: expect.any(String) });
    expect(ids(await as(app, named.token).list('received-announcements'))).toContain(row.id);
    expect(ids(await as(app, seller.token).list('received-announcements'))).not.toContain(row.id);
  });

  it('publishes now to sellers: sellers see and are notified, suppliers do not; read per user', async () => {
    const draft = (await as(app, supplier.token).post('/announcements', { type: 'promotion', title: '春季促销', body: '<p>八折</p>', audience: 'sellers', pinned: true })).body;
    expect(ids(await as(app, seller.token).list('received-announcements'))).not.toContain(draft.id);
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null });
    const published = await as(app, supplier.token).post(`/announcements/${draft.id}/publish`);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const list = await as(app, seller.token).list('received-announcements', { filter: { read: false } });
    expect(list.body.find((r: any) => r.id === draft.id)).toMatchObject({ title: '春季促销', pinned: true, read: false, publisherName: 'col_supplier 企业' });
    expect(ids(await as(app, outsider.token).list('received-announcements'))).not.toContain(draft.id);
    expect((await as(app, outsider.token).get(`/received-announcements/${draft.id}`)).status).toBe(404);
    const inbox = await as(app, seller.token).list('notifications', { filter: { type: 'announcement' } });
    expect(inbox.body.map((n: any) => n.title)).toContain('新公告：春季促销');
    expect((await as(app, outsider.token).list('notifications', { filter: { type: 'announcement' } })).body).toEqual([]);
    await as(app, seller.token).post(`/received-announcements/${draft.id}/read`);
    await as(app, seller.token).post(`/received-announcements/${draft.id}/read`);
    expect(ids(await as(app, seller.token).list('received-announcements', { filter: { read: true } }))).toContain(draft.id);
    expect(ids(await as(app, named.token).list('received-announcements', { filter: { read: false } }))).toContain(draft.id);
    expect((await as(app, supplier.token).put(`/announcements/${draft.id}`, { title: '改' })).status).toBe(409);
    expect((await as(app, supplier.token).post(`/announcements/${draft.id}/withdraw`)).body.status).toBe('withdrawn');
    expect(ids(await as(app, seller.token).list('received-announcements'))).not.toContain(draft.id);
  });

  it('schedules: the job publishes due ones (injected clock), twice is harmless', async () => {
    const at = new Date(Date.now() + 3600_000).toISOString();
    const draft = (await as(app, supplier.token).post('/announcements', { type: 'maintenance', title: '系统维护', body: '<p>今晚维护</p>', audience: 'named', audienceIds: [named.enterpriseId], publishAt: at })).body;
    expect((await as(app, supplier.token).post(`/announcements/${draft.id}/publish`)).body.status).toBe('scheduled');
    const jobs = app.strapi.plugin('scheduler').service('jobs');
    expect(await jobs.runNow('messaging.publish-announcements', new Date())).toEqual({ ran: true, result: { published: 0 } });
    expect(ids(await as(app, named.token).list('received-announcements'))).not.toContain(draft.id);
    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await jobs.runNow('messaging.publish-announcements', later)).toEqual({ ran: true, result: { published: 1 } });
    expect(await jobs.runNow('messaging.publish-announcements', later)).toEqual({ ran: true, result: { published: 0 } });
    expect(ids(await as(app, named.token).list('received-announcements'))).toContain(draft.id);
    expect(ids(await as(app, seller.token).list('received-announcements'))).not.toContain(draft.id);
    expect(await app.strapi.db.query('plugin::messaging.notification').count({ where: { enterpriseId: named.enterpriseId, type: 'announcement', title: '新公告：系统维护' } })).toBe(1);
  });
});

/** Reads server-sent events of one user until `until` holds; resolves with the events seen. */
function listen(token: string, until: (events: any[]) => boolean, timeoutMs = 10_000): { ready: Promise<void>; done: Promise<any[]>; close(): void } {
  const events: any[] = [];
  let request: http.ClientRequest;
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => { onReady = resolve; });
  const done = new Promise<any[]>((resolve, reject) => {
    const timer = setTimeout(() => { request.destroy(); resolve(events); }, timeoutMs);
    request = http.get(`${app.url}/api/console/events`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) { clearTimeout(timer); reject(new Error(`events: ${res.statusCode}`)); return; }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': connected')) onReady();
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (data) events.push(JSON.parse(data));
        }
        if (until(events)) { clearTimeout(timer); request.destroy(); resolve(events); }
      });
    });
    request.on('error', () => undefined);
  });
  return { ready, done, close: () => request.destroy() };
}

describe('conversations (我的交流) with live events', () => {
  it('messages the provider of a visible resource; the thread is the two enterprises\' alone', async () => {
    const res = (await as(app, supplier.token).post('/resources', resourceBody({ title: '对话资源', audience: 'all' }))).body;
    await as(app, supplier.token).post(`/resources/${res.id}/list`);
    // the supplier's console is open: it hears of the new message without polling
    const supplierStream = listen(supplier.token, (events) => events.some((e) => e.type === 'message'));
    const outsiderStream = listen(outsider.token, () => false, 2500);
    await Promise.all([supplierStream.ready, outsiderStream.ready]);
    const started = await as(app, seller.token).post('/conversations', { subjectType: 'resource', subjectId: res.id, text: '想了解场地价格' });
    expect(started.status).toBe(201);
    const thread = started.body;
    expect(thread).toMatchObject({ subjectType: 'resource', subjectTitle: '对话资源', counterpartName: 'col_supplier 企业', unread: 0, messageCount: 1 });
    const heard = await supplierStream.done;
    expect(heard).toContainEqual({ type: 'message', conversationId: thread.id });
    expect(await outsiderStream.done).toEqual([]);
    // a second "message the provider" reuses the thread
    expect((await as(app, seller.token).post('/conversations', { subjectType: 'resource', subjectId: res.id, text: '还有周末吗？' })).body.id).toBe(thread.id);
    const theirs = await as(app, supplier.token).list('conversations', { filter: { hasUnread: true } });
    expect(theirs.body.map((c: any) => [c.id, c.unread, c.counterpartName, c.lastMessagePreview])).toEqual([[thread.id, 2, 'col_seller 企业', '还有周末吗？']]);
    expect((await as(app, supplier.token).get('/conversations/unread')).body).toEqual({ total: 2 });
    const messages = await as(app, supplier.token).list('conversation-messages', { filter: { conversationId: thread.id }, sort: ['createdAt', 'ASC'] });
    expect(messages.body.map((m: any) => [m.body, m.mine, m.senderName])).toEqual([['想了解场地价格', false, 'col_seller'], ['还有周末吗？', false, 'col_seller']]);
    expect((await as(app, supplier.token).post(`/conversations/${thread.id}/read`)).body.unread).toBe(0);
    const pdf = await upload(supplier.token, PDF, 'price.pdf');
    const reply = await as(app, supplier.token).post('/conversation-messages', { conversationId: thread.id, body: '价格见附件', attachmentIds: [pdf.body.id] });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ mine: true, attachments: [{ name: 'price.pdf' }] });
    expect((await as(app, seller.token).get(`/conversation-messages/${reply.body.id}/file?fileId=${pdf.body.id}`)).status).toBe(200);
    expect((await as(app, seller.token).get(`/conversations/${thread.id}`)).body.unread).toBe(1);
    // third parties: not in lists, not by id, cannot post into it or read its files
    expect(ids(await as(app, outsider.token).list('conversations'))).toEqual([]);
    expect((await as(app, outsider.token).get(`/conversations/${thread.id}`)).status).toBe(404);
    expect((await as(app, outsider.token).post('/conversation-messages', { conversationId: thread.id, body: '插话' })).body.errors).toHaveProperty('conversationId');
    expect((await as(app, outsider.token).get(`/conversation-messages/${reply.body.id}/file?fileId=${pdf.body.id}`)).status).toBe(404);
    // a chat message raises the 我的交流 badge only, never the bell: no message-centre row on either side
    for (const token of [seller.token, supplier.token]) {
      expect((await as(app, token).list('notifications', { filter: { type: 'message' } })).body).toEqual([]);
    }
  });

  it('lets the publisher chat with a responder, and nobody else through an opportunity', async () => {
    const opp = (await as(app, seller.token).post('/opportunities', { title: '找合作', kind: 'cooperation', deadline: shift(today(), 5), audience: 'all' })).body;
    await as(app, supplier.token).post(`/received-opportunities/${opp.id}/respond`, { message: '有意向' });
    const chat = await as(app, seller.token).post('/conversations', { subjectType: 'opportunity', subjectId: opp.id, counterpartId: supplier.enterpriseId, text: '请详谈' });
    expect(chat.status).toBe(201);
    expect(chat.body.counterpartName).toBe('col_supplier 企业');
    const notResponder = await as(app, seller.token).post('/conversations', { subjectType: 'opportunity', subjectId: opp.id, counterpartId: outsider.enterpriseId, text: 'x' });
    expect(notResponder.body.errors).toHaveProperty('counterpartId');
    // the responder reaches the same thread from its side
    expect((await as(app, supplier.token).post('/conversations', { subjectType: 'opportunity', subjectId: opp.id, text: '好的' })).body.id).toBe(chat.body.id);
    expect((await as(app, seller.token).post('/conversations', { subjectType: 'plain', counterpartId: seller.enterpriseId, text: 'me' })).body.errors).toHaveProperty('counterpartId');
    expect((await as(app, seller.token).post('/conversations', { subjectType: 'resource', subjectId: 999999, text: 'x' })).body.errors).toHaveProperty('subjectId');
    expect((await as(app, seller.token).post('/conversations', { subjectType: 'plain', counterpartId: named.enterpriseId, text: 'x'.repeat(2001) })).body.errors).toHaveProperty('text');
    expect(await app.strapi.db.query('plugin::messaging.conversation').count({ where: { threadKey: { $contains: `:plain:` } } })).toBe(0);
  });
});
