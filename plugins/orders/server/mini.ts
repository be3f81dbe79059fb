import type { Core } from '@strapi/types';
import { idempotencyKeyOf } from '@cop/config';
import { checkInput } from '@cop/plugin-console';

/** Mini-program routes (/api/mini/…): JSON for employees, authenticated by the employee token. */
const open = { auth: false as const, prefix: '' };

export const miniRoutes = [
  { method: 'POST', path: '/mini/auth/login', handler: 'mini.login', config: open },
  { method: 'POST', path: '/mini/auth/logout', handler: 'mini.logout', config: open },
  { method: 'GET', path: '/mini/catalogue', handler: 'mini.catalogue', config: open },
  { method: 'GET', path: '/mini/orders', handler: 'mini.orders', config: open },
  { method: 'POST', path: '/mini/orders', handler: 'mini.place', config: open },
  { method: 'GET', path: '/mini/orders/:id(\\d+)', handler: 'mini.order', config: open },
  { method: 'POST', path: '/mini/orders/:id(\\d+)/pay', handler: 'mini.pay', config: open },
];

const view = (order: any) => ({
  id: order.id, number: order.number, status: order.state, supplierId: order.supplierId, paymentMode: order.paymentMode,
  totalAmount: Number(order.totalAmount), paidAmount: Number(order.paidAmount), expiresAt: order.expiresAt, createdAt: order.createdAt,
  receiverName: order.receiverName ?? null, receiverPhone: order.receiverPhone ?? null, receiverAddress: order.receiverAddress ?? null,
});

export const miniController = ({ strapi }: { strapi: Core.Strapi }) => {
  const mini = () => strapi.plugin('orders').service('mini');
  const key = (ctx: any) => idempotencyKeyOf(ctx.get('idempotency-key'));
  return {
    async login(ctx: any) { ctx.body = await mini().signIn(ctx.request.body ?? {}); },
    async logout(ctx: any) { await mini().signOut(await mini().session(ctx)); ctx.status = 204; },
    async catalogue(ctx: any) { ctx.body = await mini().catalogue(await mini().session(ctx)); },
    async orders(ctx: any) { ctx.body = (await mini().list(await mini().session(ctx))).map(view); },
    async order(ctx: any) { ctx.body = view(await mini().own(await mini().session(ctx), Number(ctx.params.id))); },
    async place(ctx: any) {
      const session = await mini().session(ctx);
      ctx.status = 201;
      ctx.body = view(await mini().place(session, ctx.request.body ?? {}, key(ctx)));
    },
    async pay(ctx: any) {
      const session = await mini().session(ctx);
      checkInput({}, ctx.request.body); // paying takes no fields
      const order = await mini().own(session, Number(ctx.params.id));
      const options = { idempotencyKey: key(ctx), idempotencyScope: mini().scope(session) };
      ctx.body = view(await strapi.plugin('orders').service('orders').pay(session.principal, order, options));
    },
  };
};

/** Who receives goods sent by courier (null on orders without such goods). */
const receiver = {
  receiverName: { type: ['string', 'null'], maxLength: 50 }, receiverPhone: { type: ['string', 'null'], maxLength: 20 },
  receiverAddress: { type: ['string', 'null'], maxLength: 200 },
};
const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const orderView = { type: 'object', properties: { id: { type: 'integer' }, number: { type: 'string' }, status: { type: 'string' }, supplierId: { type: 'integer' }, paymentMode: { type: 'string', enum: ['prepaid', 'credit'] }, totalAmount: { type: 'integer', description: 'fen' }, paidAmount: { type: 'integer' }, expiresAt: { type: 'string', format: 'date-time' }, createdAt: { type: 'string', format: 'date-time' }, ...receiver } };
/** One product of GET /mini/catalogue, with the offers (strategies of the individual channel) it may be bought at. */
const catalogueOffer = {
  type: 'object', additionalProperties: false, required: ['strategyId', 'price'],
  properties: {
    strategyId: { type: 'integer' }, strategyName: { type: ['string', 'null'] }, price: { type: 'integer', description: 'fen' },
    minQuantity: { type: ['integer', 'null'] }, maxQuantity: { type: ['integer', 'null'] },
    businessMode: { type: ['string', 'null'], enum: ['prepaid', 'credit', 'either', null] },
  },
};
const catalogueItem = {
  type: 'object', additionalProperties: false, required: ['id', 'name', 'category', 'offers'],
  properties: {
    id: { type: 'integer' }, name: { type: 'string' }, category: { type: 'string', enum: ['ticket', 'catering', 'retail', 'coupon'] },
    description: { type: ['string', 'null'] }, isCombo: { type: 'boolean' }, stockMode: { type: 'string', enum: ['none', 'total', 'daily'] },
    // courier: the order asks for receiverName, receiverPhone and receiverAddress
    fulfilmentMode: { type: 'string', enum: ['code', 'courier'] },
    supplierId: { type: 'integer' }, offers: { type: 'array', items: catalogueOffer },
  },
};
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** The mini-program API in the OpenAPI document (/api/openapi.json). */
export const miniOpenApi = {
  '/mini/auth/login': { post: { tags: ['mini-program'], summary: 'Employee sign-in (enterprise credit code, employee number, password set by the admin, captcha)', security: [],
    requestBody: { required: true, ...json({ type: 'object', required: ['creditCode', 'employeeNo', 'password', 'captchaId', 'captchaCode'], properties: { creditCode: { type: 'string' }, employeeNo: { type: 'string' }, password: { type: 'string' }, captchaId: { type: 'string' }, captchaCode: { type: 'string' } } }) },
    responses: { 200: { description: '{ jwt, employee }', ...json({ type: 'object', properties: { jwt: { type: 'string' }, employee: { type: 'object' } } }) }, 400: error, 401: error, 429: error } } },
  '/mini/auth/logout': { post: {
    tags: ['mini-program'], summary: 'Sign out: every token of this employee stops working',
    responses: { 204: { description: 'signed out' }, 401: error },
  } },
  '/mini/catalogue': { get: { tags: ['mini-program'], summary: 'What the employee\'s enterprise may buy today, with the individual channel\'s offers', responses: { 200: { description: 'products with offers', ...json({ type: 'array', items: catalogueItem }) }, 401: error } } },
  '/mini/orders': {
    get: { tags: ['mini-program'], summary: 'My internal-purchase orders (newest 100)', responses: { 200: { description: 'orders', ...json({ type: 'array', items: orderView }) }, 401: error } },
    post: { tags: ['mini-program'], summary: 'Place an internal-purchase order (Idempotency-Key header makes retries safe)',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
      requestBody: { required: true, ...json({ type: 'object', required: ['lines'], properties: { paymentMode: { type: 'string', enum: ['prepaid', 'credit'] }, visitDate: { type: 'string', format: 'date' }, remarks: { type: 'string' },
        // required when a line's product is fulfilled by courier; the phone a mobile number or a landline with its area code
        receiverName: { type: 'string', maxLength: 50 }, receiverPhone: { type: 'string', maxLength: 20 }, receiverAddress: { type: 'string', maxLength: 200 }, lines: { type: 'array', items: { type: 'object', required: ['productId', 'strategyId', 'quantity'], properties: { productId: { type: 'integer' }, strategyId: { type: 'integer' }, quantity: { type: 'integer' }, day: { type: 'string', format: 'date' }, unitPrice: { type: 'integer' } } } } } }) },
      responses: { 201: { description: 'order', ...json(orderView) }, 400: error, 401: error, 409: error } },
  },
  '/mini/orders/{id}': { get: { tags: ['mini-program'], summary: 'One of my orders', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'order', ...json(orderView) }, 404: error } } },
  '/mini/orders/{id}/pay': { post: { tags: ['mini-program'], summary: 'Pay one of my orders from the enterprise account (Idempotency-Key)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }], responses: { 200: { description: 'order', ...json(orderView) }, 404: error, 409: error } } },
};
