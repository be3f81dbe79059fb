import type { Core } from '@strapi/strapi';

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
  const employees = await strapi.db.query('plugin::identity.employee').count({});
  if (!employees) {
    const seller = await strapi.db.query('plugin::identity.enterprise').findOne({ where: { creditCode: DEMO_ENTERPRISES[2].creditCode } });
    await strapi.db.query('plugin::identity.employee').createMany({
      data: ['销售部', '财务部', '运营部'].flatMap((department, d) => [1, 2].map((n) => ({
        enterpriseId: seller.id, employeeNo: `E${d + 1}0${n}`, name: `${department.slice(0, 2)}员工${n}`, department, position: n === 1 ? '主管' : '专员', status: 'active',
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
