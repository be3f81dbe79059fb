import type { Core } from '@strapi/strapi';
import { addDays, shanghaiDay } from '@cop/config';

export const DEMO_PASSWORD = 'Demo@123456';
export const DEMO_OPERATOR = 'operator@demo.local';

/** Demo tenants: two suppliers and two sellers, each with an admin account. */
export const DEMO_ENTERPRISES = [
  { name: '华夏文旅集团', creditCode: '91110000MA01DEM01A', kind: 'supplier', contactName: '王经理', contactPhone: '010-88880001', address: '北京市朝阳区', admin: { username: 'supplier1', email: 'supplier1@demo.local', displayName: '华夏文旅管理员' } },
  { name: '江南食品供应链', creditCode: '91330000MA02DEM02B', kind: 'supplier', contactName: '李经理', contactPhone: '0571-88880002', address: '杭州市西湖区', admin: { username: 'supplier2', email: 'supplier2@demo.local', displayName: '江南食品管理员' } },
  { name: '畅游旅行社', creditCode: '91440000MA03DEM03C', kind: 'seller', contactName: '张经理', contactPhone: '020-88880003', address: '广州市天河区', admin: { username: 'seller1', email: 'seller1@demo.local', displayName: '畅游旅行社管理员' } },
  { name: '惠民商贸公司', creditCode: '91510000MA04DEM04D', kind: 'seller', contactName: '赵经理', contactPhone: '028-88880004', address: '成都市锦江区', admin: { username: 'seller2', email: 'seller2@demo.local', displayName: '惠民商贸管理员' } },
] as const;

/** Idempotent: a second run finds everything in place and changes nothing. */
export async function seedDemo(strapi: Core.Strapi) {
  const provisioning = strapi.plugin('identity').service('provisioning');
  for (const spec of DEMO_ENTERPRISES) {
    await provisioning.ensureEnterprise({ ...spec, admin: { ...spec.admin, password: DEMO_PASSWORD } });
  }
  await ensureOperator(strapi);
  await seedCatalogue(strapi);
  await seedCollaboration(strapi);
  await seedIncentiveRules(strapi);
  const employees = await strapi.db.query('plugin::identity.employee').count({});
  if (!employees) {
    const seller = await strapi.db.query('plugin::identity.enterprise').findOne({ where: { creditCode: DEMO_ENTERPRISES[2].creditCode } });
    await strapi.db.query('plugin::identity.employee').createMany({
      data: ['销售部', '财务部', '运营部'].flatMap((department, d) => [1, 2].map((n) => ({
        enterpriseId: seller.id, employeeNo: `E${d + 1}0${n}`, name: `${department.slice(0, 2)}员工${n}`, department, position: n === 1 ? '主管' : '专员', state: 'active',
      }))),
    });
  }
}

/** The Strapi admin-panel operator (super admin) for business administrators. */
async function ensureOperator(strapi: Core.Strapi) {
  const users = strapi.service('admin::user');
  if (await strapi.db.query('admin::user').findOne({ where: { email: DEMO_OPERATOR } })) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;
  await users.create({
    email: DEMO_OPERATOR, firstname: 'Platform', lastname: 'Operator',
    password: DEMO_PASSWORD, isActive: true, registrationToken: null, roles: [superAdmin.id],
  });
}

const principalOf = (strapi: Core.Strapi, username: string) =>
  strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } })
    .then((user: any) => strapi.plugin('identity').service('principal').load(user.id));

/** Partnerships, products with stock, strategies, agreements and funded accounts, once. */
async function seedCatalogue(strapi: Core.Strapi) {
  if (await strapi.db.query('plugin::identity.partnership').count({})) return;
  const [supplier1, supplier2, seller1, seller2] = await Promise.all(['supplier1', 'supplier2', 'seller1', 'seller2'].map((u) => principalOf(strapi, u)));
  const partnerships = strapi.plugin('identity').service('partnerships');
  const products = strapi.plugin('catalogue').service('products');
  const strategies = strapi.plugin('catalogue').service('strategies');
  const agreements = strapi.plugin('catalogue').service('agreements');
  const stock = strapi.plugin('inventory').service('stock');
  const ledger = strapi.plugin('ledger').service('ledger');
  const today = shanghaiDay(new Date());
  const plus = (days: number) => addDays(today, days);

  for (const [supplier, sellers] of [[supplier1, [seller1, seller2]], [supplier2, [seller1]]] as const) {
    for (const seller of sellers) {
      await partnerships.create(supplier, seller.enterpriseId);
      const agreement = await agreements.create(supplier, { sellerId: seller.enterpriseId, number: `DEMO-${supplier.enterpriseId}-${seller.enterpriseId}`, title: '年度分销合作协议', terms: '双方按销售策略约定的价格结算。', validFrom: plus(-30), validTo: plus(335) });
      await agreements.confirm(supplier, agreement);
      for (const kind of ['prepaid', 'credit'] as const) {
        const account = await ledger.open(supplier.enterpriseId, seller.enterpriseId, kind);
        await ledger.setStatus(account.id, 'enabled');
        if (kind === 'prepaid') await ledger.topUp(account.id, 1_000_000, { transferId: `demo-topup-${account.id}`, reference: 'DEMO', note: '演示充值' });
        else await ledger.setCreditLimit(account.id, { creditLimit: 5_000_000, validFrom: plus(-30), validTo: plus(335) });
      }
    }
  }

  const ticket = await products.create(supplier1, { category: 'ticket', name: '西湖游船成人票', description: '含往返游船，约 45 分钟。', scenicSpot: '西湖', ticketType: 'adult', entryRule: '当日有效，凭确认码入园', referencePrice: 8000, fulfilmentMode: 'code', stockMode: 'daily' });
  const lunch = await products.create(supplier1, { category: 'catering', name: '湖畔午市套餐', venue: '楼外楼', mealPeriod: 'lunch', referencePrice: 12800, fulfilmentMode: 'code', stockMode: 'total' });
  const tea = await products.create(supplier1, { category: 'retail', name: '龙井茶礼盒 250g', sku: 'LJ-250', spec: '250g/盒', shippingRequired: true, referencePrice: 26800, fulfilmentMode: 'courier', stockMode: 'total' });
  const coupon = await products.create(supplier1, { category: 'coupon', name: '景区 50 元代金券', faceValue: 5000, couponValidFrom: today, couponValidTo: plus(180), usageRules: '单笔限用一张', referencePrice: 4500, fulfilmentMode: 'code', stockMode: 'none' });
  const combo = await products.create(supplier1, { isCombo: true, name: '游船 + 午餐套票', mainProductId: ticket.id, comboItems: [{ productId: ticket.id, quantity: 1 }, { productId: lunch.id, quantity: 1 }], referencePrice: 19000, fulfilmentMode: 'code' });
  const noodles = await products.create(supplier2, { category: 'catering', name: '江南面馆双人餐', venue: '奎元馆', mealPeriod: 'all-day', referencePrice: 9800, fulfilmentMode: 'code', stockMode: 'none' });
  for (const product of [ticket, lunch, tea, coupon, combo, noodles]) await products.setStatus(product, 'listed');
  await stock.maintain({ productId: ticket.id, supplierId: supplier1.enterpriseId, mode: 'set', quantity: 200, from: today, to: plus(30) });
  await stock.maintain({ productId: lunch.id, supplierId: supplier1.enterpriseId, mode: 'set', quantity: 500 });
  await stock.maintain({ productId: tea.id, supplierId: supplier1.enterpriseId, mode: 'set', quantity: 1000 });

  const lines = (rows: [any, number][]) => rows.map(([product, price]) => ({ productId: product.id, price, minQuantity: 1, maxQuantity: 50 }));
  await strategies.create(supplier1, { channel: 'individual', name: '个人客户标准价', effectiveFrom: plus(-30), effectiveTo: plus(335), businessMode: 'either', appliesTo: 'all', lines: lines([[ticket, 7500], [lunch, 11800], [tea, 24800], [coupon, 4200], [combo, 17800]]) });
  await strategies.create(supplier1, { channel: 'gov', name: '政企协议价', effectiveFrom: plus(-30), effectiveTo: plus(335), businessMode: 'credit', appliesTo: 'all', requiresAudit: true, lines: lines([[ticket, 7000], [lunch, 11000], [combo, 16800]]) });
  await strategies.create(supplier2, { channel: 'individual', name: '面馆个人价', effectiveFrom: plus(-30), effectiveTo: plus(335), businessMode: 'prepaid', appliesTo: 'all', lines: lines([[noodles, 8800]]) });
}

/** A listed resource, an open opportunity with a response, announcements and a conversation, once. */
async function seedCollaboration(strapi: Core.Strapi) {
  if (await strapi.db.query('plugin::collaboration.resource').count({})) return;
  const [supplier1, supplier2, seller1] = await Promise.all(['supplier1', 'supplier2', 'seller1'].map((u) => principalOf(strapi, u)));
  const resources = strapi.plugin('collaboration').service('resources');
  const opportunities = strapi.plugin('collaboration').service('opportunities');
  const announcements = strapi.plugin('messaging').service('announcements');
  const conversations = strapi.plugin('messaging').service('conversations');
  const today = shanghaiDay(new Date());
  const plus = (days: number) => addDays(today, days);
  await strapi.db.transaction(async () => {
    const lawn = await resources.create(supplier1, { title: '西湖畔草坪活动场地', type: 'venue', region: '杭州', description: '可容纳 300 人的湖畔草坪，适合团建和发布会，含基础音响。', contactName: '王经理', contactPhone: '010-88880001', validFrom: today, validTo: plus(90), audience: 'sellers' });
    await resources.list(lawn);
    await resources.create(supplier2, { title: '冷链配送运力', type: 'service', region: '长三角', description: '每日两班冷链车，杭州、上海、苏州当日达。', validFrom: today, validTo: plus(60), audience: 'all' });
    const trip = await opportunities.create(seller1, { title: '年底企业团建采购 200 人', kind: 'purchase', budgetMin: 3_000_000, budgetMax: 6_000_000, region: '杭州', deadline: plus(14), description: '需要门票 + 午餐，12 月中旬出行。', audience: 'suppliers' });
    await opportunities.respond(supplier1, trip, '可提供游船 + 午餐套票，团队价另议。');
    const notice = await announcements.create(supplier1, { type: 'promotion', title: '冬季游船票八折', body: '<p>即日起至月底，<b>西湖游船成人票</b>分销价八折。</p>', audience: 'sellers', pinned: true });
    await announcements.publish(notice);
    const maintenance = await announcements.create(seller1, { type: 'maintenance', title: '本周六系统维护', body: '<p>周六 22:00–24:00 暂停下单。</p>', audience: 'all' });
    await announcements.publish(maintenance);
    await conversations.start(seller1, { subjectType: 'resource', subjectId: lawn.id, text: '请问 12 月 20 日草坪可以预订吗？' });
  });
}

/** Three incentive rules the operator would keep in the admin panel, once. */
async function seedIncentiveRules(strapi: Core.Strapi) {
  const rules = strapi.db.query('plugin::incentives.incentive-rule');
  if (await rules.count({})) return;
  const year = new Date().getFullYear();
  const base = { validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31`, active: true, priority: 0 };
  await rules.create({ data: { ...base, name: '下单支付协同值', pointsKind: 'collaboration', beneficiary: 'seller', event: 'order_paid', method: 'per_order', amount: 10 } });
  await rules.create({ data: { ...base, name: '销售奖金（1%）', pointsKind: 'bonus', beneficiary: 'seller', event: 'order_paid', method: 'basis_points', amount: 100 } });
  await rules.create({ data: { ...base, name: '履约协同值', pointsKind: 'collaboration', beneficiary: 'supplier', event: 'order_fulfilled', method: 'per_order', amount: 5 } });
}
