import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { PERMISSION_KEYS, permissionsForKind } from '@cop/config';
import { apiResource } from '../apiResources';
import { canAccessWith, canRunVerb, canSeeMenuPath, matchMenuItem, visibleMenuItems } from '../auth/access';
import { dataProvider } from '../dataProvider';
import { formatFen } from '../resources/shared';
import { i18nProvider } from '../i18n';
import {
  ORDER_ACTIONS,
  allowedPaymentModes,
  canCorrectLine,
  canFulfilLine,
  cartErrors,
  changedPrice,
  channelOffers,
  customerBody,
  dayProblem,
  fulfilBody,
  fulfilProblem,
  lineTotal,
  lowestPrice,
  needsDay,
  orderActions,
  orderErrors,
  parseQuantity,
  quantityProblem,
  drawerQuantityProblem,
  refundableLines,
  refundBody,
  refundOutcome,
  refundQuantityField,
  remainingOf,
  unusedOf,
  type OrderAction,
  type OrderSide,
} from '../resources/orders/logic';
import {
  ORDER_STATUSES,
  customerFieldsOf,
  orderFormNeeds,
  sellerChannelChoices,
  type CartItem,
  type Offer,
  type OrderLine,
  type OrderStatus,
} from '../resources/orders/types';
import { checkoutTotal } from '../resources/cart/CheckoutDialog';

const ALL = [...PERMISSION_KEYS];
const supplier = { kind: 'supplier' as const, permissions: ALL };
const seller = { kind: 'seller' as const, permissions: ALL };
const both = { kind: 'both' as const, permissions: ALL };

const SELLER_PAGES = ['order/individual', 'order/gov', 'cart', 'cart/gov', 'my-orders'];
const SUPPLIER_PAGES = ['orders/individual', 'orders/gov', 'orders/employee'];
const SELLER_VERBS = ['pay', 'cancel', 'request-refund'];
const SUPPLIER_VERBS = ['approve', 'reject', 'fulfil', 'correct-fulfilment', 'approve-refund', 'reject-refund'];

describe('order pages and verbs: access by side and key', () => {
  it('each page reads its server resource', () => {
    expect(apiResource('order/individual')).toBe('catalogue');
    expect(apiResource('order/gov')).toBe('catalogue');
    expect(apiResource('cart')).toBe('cart-items');
    expect(apiResource('cart/gov')).toBe('cart-items');
    for (const page of ['my-orders', ...SUPPLIER_PAGES]) expect(apiResource(page)).toBe('orders');
  });

  it('a seller, even holding every key, cannot reach the supplier order pages nor the supplier verbs', () => {
    for (const page of SUPPLIER_PAGES) {
      for (const action of ['list', 'show', 'create', 'edit'])
        expect(canAccessWith(seller, page, action), `${page} ${action}`).toBe(false);
      for (const verb of [...SUPPLIER_VERBS, ...SELLER_VERBS])
        expect(canRunVerb(seller, page, verb), `${page} ${verb}`).toBe(false);
      expect(canSeeMenuPath(seller, `/${page}`)).toBe(false);
    }
    for (const verb of SUPPLIER_VERBS) expect(canRunVerb(seller, 'my-orders', verb), verb).toBe(false);
    const sellerAdmin = { kind: 'seller' as const, permissions: permissionsForKind('seller') };
    for (const key of ['orders.audit', 'orders.fulfil']) expect(sellerAdmin.permissions).not.toContain(key);
  });

  it('a supplier, even holding every key, cannot reach the seller pages nor the seller verbs', () => {
    for (const page of SELLER_PAGES) {
      for (const action of ['list', 'show', 'create', 'edit', 'delete'])
        expect(canAccessWith(supplier, page, action), `${page} ${action}`).toBe(false);
      for (const verb of [...SELLER_VERBS, ...SUPPLIER_VERBS])
        expect(canRunVerb(supplier, page, verb), `${page} ${verb}`).toBe(false);
    }
    for (const path of ['/order/individual', '/cart', '/my-orders']) expect(canSeeMenuPath(supplier, path)).toBe(false);
    for (const page of SUPPLIER_PAGES)
      for (const verb of SELLER_VERBS) expect(canRunVerb(supplier, page, verb), `${page} ${verb}`).toBe(false);
  });

  it('each side reaches its own pages; an enterprise of kind both reaches both, each verb on its own page', () => {
    for (const page of SELLER_PAGES) expect(canAccessWith(seller, page, 'list'), page).toBe(true);
    for (const page of ['order/individual', 'order/gov', 'cart', 'cart/gov'])
      expect(canAccessWith(seller, page, 'create'), page).toBe(true);
    expect(canAccessWith(seller, 'my-orders', 'show')).toBe(true);
    expect(canAccessWith(seller, 'my-orders', 'edit')).toBe(false); // orders change only through verbs
    for (const verb of SELLER_VERBS) expect(canRunVerb(seller, 'my-orders', verb), verb).toBe(true);
    for (const page of SUPPLIER_PAGES) {
      expect(canAccessWith(supplier, page, 'show')).toBe(true);
      expect(canAccessWith(supplier, page, 'create')).toBe(false);
      for (const verb of SUPPLIER_VERBS) expect(canRunVerb(supplier, page, verb), `${page} ${verb}`).toBe(true);
    }
    for (const verb of SELLER_VERBS) {
      expect(canRunVerb(both, 'my-orders', verb)).toBe(true);
      expect(canRunVerb(both, 'orders/gov', verb)).toBe(false);
    }
    for (const verb of SUPPLIER_VERBS) {
      expect(canRunVerb(both, 'orders/gov', verb)).toBe(true);
      expect(canRunVerb(both, 'my-orders', verb)).toBe(false);
    }
  });

  it('every verb needs its own key', () => {
    const placer = { kind: 'seller' as const, permissions: ['orders.read', 'orders.place'] };
    expect(canRunVerb(placer, 'my-orders', 'pay')).toBe(true);
    expect(canRunVerb(placer, 'my-orders', 'cancel')).toBe(true);
    expect(canRunVerb(placer, 'my-orders', 'request-refund')).toBe(false); // orders.refund
    const reader = { kind: 'seller' as const, permissions: ['orders.read'] };
    expect(canAccessWith(reader, 'my-orders', 'list')).toBe(true);
    expect(canAccessWith(reader, 'order/individual', 'list')).toBe(false); // orders.place
    expect(canAccessWith(reader, 'cart', 'list')).toBe(false);
    for (const verb of SELLER_VERBS) expect(canRunVerb(reader, 'my-orders', verb)).toBe(false);
    const fulfiller = { kind: 'supplier' as const, permissions: ['orders.read', 'orders.fulfil'] };
    expect(canRunVerb(fulfiller, 'orders/individual', 'fulfil')).toBe(true);
    for (const verb of ['approve', 'reject', 'approve-refund', 'reject-refund']) {
      expect(canRunVerb(fulfiller, 'orders/gov', verb), verb).toBe(false); // orders.audit
    }
    const auditor = { kind: 'supplier' as const, permissions: ['orders.read', 'orders.audit'] };
    expect(canRunVerb(auditor, 'orders/gov', 'approve')).toBe(true);
    expect(canRunVerb(auditor, 'orders/gov', 'fulfil')).toBe(false);
    // resources without their own verb keys keep needing write access
    expect(canRunVerb({ kind: 'supplier', permissions: ['products.read'] }, 'products/ticket', 'list')).toBe(false);
    expect(canRunVerb({ kind: 'supplier', permissions: ['products.write'] }, 'products/ticket', 'list')).toBe(true);
  });

  it('the nested cart and the detail pages belong to their menu items', () => {
    expect(matchMenuItem(visibleMenuItems(seller), '/cart/gov')?.key).toBe('cart');
    expect(matchMenuItem(visibleMenuItems(seller), '/order/gov/create')?.key).toBe('order-gov');
    expect(matchMenuItem(visibleMenuItems(seller), '/my-orders/4/show')?.key).toBe('my-orders');
    expect(matchMenuItem(visibleMenuItems(supplier), '/orders/gov/4/show')?.key).toBe('gov-orders');
  });
});

const offer = (over: Partial<Offer> = {}): Offer => ({
  strategyId: 1,
  strategyName: 'S',
  channel: 'individual',
  businessMode: 'either',
  requiresAudit: false,
  effectiveTo: '2099-12-31',
  price: 1990,
  minQuantity: 2,
  maxQuantity: 10,
  dailyMax: null,
  ...over,
});

describe('the total of a line: price × quantity in fen, shown in yuan', () => {
  it('multiplies integer fen by the quantity', () => {
    expect(lineTotal(1990, 3)).toBe(5970);
    expect(formatFen(lineTotal(1990, 3))).toBe('¥59.70');
    expect(lineTotal(1, 100_000)).toBe(100_000);
    expect(formatFen(lineTotal(123456, 10))).toBe('¥12,345.60');
    // 0.1 + 0.2 never appears: fen stay integers
    expect(lineTotal(10, 3)).toBe(30);
    expect(formatFen(lineTotal(10, 3))).toBe('¥0.30');
  });

  it('has no total without a whole quantity ≥ 1', () => {
    for (const quantity of [0, -1, 1.5, NaN, null, undefined, '3'])
      expect(lineTotal(1990, quantity), String(quantity)).toBeNull();
    expect(lineTotal(undefined, 2)).toBeNull();
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity('abc')).toBeNull();
    expect(parseQuantity('4')).toBe(4);
    expect(lineTotal(1990, parseQuantity('4'))).toBe(7960);
  });

  it('keeps the quantity within the strategy limits', () => {
    expect(quantityProblem(offer(), 2)).toBeNull();
    expect(quantityProblem(offer(), 10)).toBeNull();
    expect(quantityProblem(offer(), 1)).toEqual({ message: 'cop.ordering.quantity_min', args: { min: 2 } });
    expect(quantityProblem(offer(), 11)).toEqual({ message: 'cop.ordering.quantity_max', args: { max: 10 } });
    expect(quantityProblem(offer(), 2.5)?.message).toBe('cop.ordering.quantity_whole');
    expect(quantityProblem(offer(), null)?.message).toBe('cop.ordering.quantity_whole');
    expect(quantityProblem(offer({ maxQuantity: null, minQuantity: 1 }), 99_999)).toBeNull();
  });

  it('blocks the drawer buttons outside the limits or above the stock left (#13.12)', () => {
    expect(drawerQuantityProblem(offer(), 11, null)).toEqual({ message: 'cop.ordering.quantity_max', args: { max: 10 } });
    expect(drawerQuantityProblem(offer(), 1)).toEqual({ message: 'cop.ordering.quantity_min', args: { min: 2 } });
    expect(drawerQuantityProblem(offer(), 5, 3)).toEqual({ message: 'cop.ordering.quantity_over_stock', args: { available: 3 } });
    expect(drawerQuantityProblem(offer(), 3, 3)).toBeNull();
    expect(drawerQuantityProblem(offer(), 10, undefined)).toBeNull();
    expect(drawerQuantityProblem(offer(), 10, null)).toBeNull();
    expect(drawerQuantityProblem(offer(), 2, 0)?.message).toBe('cop.ordering.quantity_over_stock');
    expect(drawerQuantityProblem(offer(), null, 3)?.message).toBe('cop.ordering.quantity_whole');
    expect(i18nProvider.translate('cop.ordering.quantity_over_stock', { available: 3 })).toBe('超过剩余库存 3');
  });

  it('shows the lowest price of the channel, the channel offers only, and asks a day of daily stock and combos', () => {
    const product = {
      offers: [
        offer({ strategyId: 1, price: 3000 }),
        offer({ strategyId: 2, price: 2500 }),
        offer({ strategyId: 3, price: 1000, channel: 'gov' }),
      ],
    };
    expect(lowestPrice(product, 'individual')).toBe(2500);
    expect(lowestPrice(product, 'gov')).toBe(1000);
    expect(lowestPrice({ offers: [] }, 'gov')).toBeNull();
    expect(channelOffers(product, 'individual').map((o) => o.strategyId)).toEqual([2, 1]);
    expect(needsDay({ stockMode: 'daily', isCombo: false })).toBe(true);
    expect(needsDay({ stockMode: 'total', isCombo: true })).toBe(true);
    expect(needsDay({ stockMode: 'total', isCombo: false })).toBe(false);
    expect(dayProblem('', '2025-06-01', true)).toBe('cop.ordering.day_required');
    expect(dayProblem('', '2025-06-01', false)).toBeNull();
    expect(dayProblem('2025-05-31', '2025-06-01', true)).toBe('cop.ordering.day_past');
    expect(dayProblem('2025-06-01', '2025-06-01', true)).toBeNull();
  });

  it('offers the payment modes every chosen strategy accepts', () => {
    expect(allowedPaymentModes(['either'])).toEqual(['prepaid', 'credit']);
    expect(allowedPaymentModes(['prepaid', 'either'])).toEqual(['prepaid']);
    expect(allowedPaymentModes(['credit', undefined])).toEqual(['credit']);
    expect(allowedPaymentModes(['credit', 'prepaid'])).toEqual([]);
  });
});

const line = (id: number, fulfilmentStatus: OrderLine['fulfilmentStatus']) => ({ id, fulfilmentStatus });
const PENDING = [line(1, 'pending'), line(2, 'fulfilled')];
const ALL_DONE = [line(1, 'fulfilled'), line(2, 'refunded')];

describe('which buttons show for which status', () => {
  // side, channel, status, lines → the buttons, in ORDER_ACTIONS order
  const cases: [OrderSide, 'individual' | 'gov' | 'employee', OrderStatus, ReturnType<typeof line>[], OrderAction[]][] = [
    ['seller', 'gov', 'pending_audit', PENDING, ['cancel']],
    ['supplier', 'gov', 'pending_audit', PENDING, ['approve', 'reject']],
    ['supplier', 'individual', 'pending_audit', PENDING, []], // only gov orders are audited
    ['seller', 'individual', 'pending_payment', PENDING, ['pay', 'cancel']],
    ['supplier', 'individual', 'pending_payment', PENDING, []],
    ['seller', 'individual', 'paid', PENDING, ['request-refund']],
    ['supplier', 'individual', 'paid', PENDING, ['fulfil']],
    ['seller', 'gov', 'fulfilling', PENDING, ['request-refund']],
    ['supplier', 'gov', 'fulfilling', PENDING, ['fulfil', 'correct-fulfilment']], // the fulfilled line may be corrected
    ['seller', 'gov', 'fulfilled', ALL_DONE, ['request-refund']], // gov refunds fulfilled lines after audit
    ['seller', 'individual', 'fulfilled', ALL_DONE, []], // individual: nothing unfulfilled left to refund
    ['supplier', 'individual', 'fulfilled', ALL_DONE, ['correct-fulfilment']],
    ['supplier', 'employee', 'paid', PENDING, ['fulfil']],
    ['seller', 'gov', 'refund_pending', PENDING, []],
    ['supplier', 'gov', 'refund_pending', PENDING, ['approve-refund', 'reject-refund']],
    ['seller', 'individual', 'partially_refunded', PENDING, ['request-refund']],
    ['supplier', 'individual', 'partially_refunded', PENDING, ['fulfil', 'correct-fulfilment']],
    ...(['refunded', 'cancelled', 'rejected', 'closed'] as const).flatMap((status) =>
      (['seller', 'supplier'] as const).map(
        (side) => [side, 'gov', status, PENDING, []] as [OrderSide, 'gov', OrderStatus, ReturnType<typeof line>[], OrderAction[]],
      ),
    ),
  ];

  it.each(cases)('%s · %s · %s', (side, channel, status, lines, expected) => {
    expect(orderActions(side, { status, channel, lines })).toEqual(expected);
  });

  it('covers every status and keeps each verb on its side', () => {
    expect(new Set(cases.map(([, , status]) => status))).toEqual(new Set(ORDER_STATUSES));
    for (const status of ORDER_STATUSES) {
      const order = { status, channel: 'gov' as const, lines: PENDING };
      for (const action of orderActions('seller', order)) expect(['pay', 'cancel', 'request-refund']).toContain(action);
      for (const action of orderActions('supplier', order)) expect(['pay', 'cancel', 'request-refund']).not.toContain(action);
    }
    expect(ORDER_ACTIONS).toHaveLength(9);
    expect(orderActions('seller', undefined)).toEqual([]);
  });

  it('fulfils pending lines only, and refunds the lines each channel allows', () => {
    const order = {
      status: 'fulfilling' as const,
      channel: 'individual' as const,
      lines: [line(1, 'pending'), line(2, 'fulfilled'), line(3, 'refunded')],
    };
    expect(canFulfilLine(order, order.lines[0])).toBe(true);
    expect(canFulfilLine(order, order.lines[1])).toBe(false);
    expect(canFulfilLine({ ...order, status: 'refund_pending' }, order.lines[0])).toBe(false);
    expect(refundableLines(order).map((l) => l.id)).toEqual([1]);
    expect(refundableLines({ ...order, channel: 'gov' }).map((l) => l.id)).toEqual([1, 2]);
  });

  it('refunds by quantity: units left per line, a body of the lines with a quantity, issue 13 item 1', () => {
    const order = {
      status: 'partially_refunded' as const,
      channel: 'individual' as const,
      lines: [
        { ...line(1, 'pending'), quantity: 2, refundedQuantity: 1, remainingQuantity: 1 },
        { ...line(2, 'pending'), quantity: 3, refundedQuantity: 0, remainingQuantity: 3 },
        { ...line(3, 'refunded'), quantity: 2, refundedQuantity: 2, remainingQuantity: 0 },
        { ...line(4, 'cancelled'), quantity: 1 },
      ],
    };
    expect(order.lines.map(remainingOf)).toEqual([1, 3, 0, 0]);
    expect(refundableLines(order).map((l) => l.id)).toEqual([1, 2]);
    const values = { [refundQuantityField(1)]: 1, [refundQuantityField(2)]: 0, reason: ' 少一人 ' };
    expect(refundBody(order, values)).toEqual({ lines: [{ lineId: 1, quantity: 1 }], reason: '少一人' });
  });

  it('says 已退款 ¥x for an instant refund and 待供货方审核 for a gov request, from the answer (issue 13 item 19)', () => {
    const instant = refundOutcome({ refundedAmount: 4500 }, { status: 'partially_refunded', refundedAmount: 14500 });
    expect(instant).toEqual({ key: 'cop.orders.refund_done', amount: 10000 });
    expect(refundOutcome({ refundedAmount: 0 }, { status: 'refunded', refundedAmount: 20000 }).key).toBe('cop.orders.refund_done');
    const pending = refundOutcome({ refundedAmount: 0 }, { status: 'refund_pending', refundedAmount: 0 });
    expect(pending.key).toBe('cop.orders.refund_requested');
    expect(i18nProvider.translate(instant.key, { amount: formatFen(instant.amount ?? 0) })).toBe('已退款 ¥100.00');
    expect(i18nProvider.translate(pending.key)).toBe('退款申请已提交，待供货方审核');
  });

  it('fulfils with a code, or a courier and a tracking number', () => {
    expect(fulfilBody(7, { confirmationCode: ' A1 ', courierCompany: 'SF' })).toEqual({ lineId: 7, status: 'fulfilled', confirmationCode: 'A1' });
    expect(fulfilBody(7, { confirmationCode: '', courierCompany: ' 顺丰 ', trackingNumber: 'SF1' })).toEqual({
      lineId: 7,
      status: 'fulfilled',
      courierCompany: '顺丰',
      trackingNumber: 'SF1',
    });
    expect(fulfilProblem({ confirmationCode: 'A1' })).toBeUndefined();
    expect(fulfilProblem({ courierCompany: '顺丰', trackingNumber: 'SF1' })).toBeUndefined();
    expect(fulfilProblem({ courierCompany: '顺丰' })).toBe('cop.orders.fulfil_missing');
    expect(fulfilProblem({})).toBe('cop.orders.fulfil_missing');
  });

  it('records a partly used or failed line (F92), and corrects fulfilled, partial and failed lines with units left', () => {
    expect(fulfilBody(7, { status: 'partial', usedQuantity: '3', confirmationCode: 'Q' })).toEqual({
      lineId: 7,
      status: 'partial',
      usedQuantity: 3,
      confirmationCode: 'Q',
    });
    expect(fulfilBody(7, { status: 'failed', reason: ' 缺货 ', confirmationCode: '' })).toEqual({ lineId: 7, status: 'failed', reason: '缺货' });
    expect(fulfilProblem({ status: 'failed' })).toBeUndefined();
    const order = {
      status: 'fulfilled' as const,
      channel: 'individual' as const,
      lines: [
        { ...line(1, 'partial'), quantity: 5, usedQuantity: 3, unusedQuantity: 2 },
        { ...line(2, 'failed'), quantity: 2 },
        { ...line(3, 'fulfilled'), quantity: 2, refundedQuantity: 2, remainingQuantity: 0 },
      ],
    };
    expect(order.lines.map((l) => canCorrectLine(order, l))).toEqual([true, true, false]);
    // individual orders refund the unused units at once: 2 of the partly used line, all of the failed one
    expect(order.lines.map(unusedOf)).toEqual([2, 2, 0]);
    expect(refundableLines(order).map((l) => l.id)).toEqual([1, 2]);
    expect(canCorrectLine({ ...order, status: 'refund_pending' }, order.lines[0])).toBe(false);
  });
});

describe('server errors of the order form and the cart', () => {
  it('maps items.<cartItemId>.<field> to the cart lines and keeps the rest for the form', () => {
    const error = new HttpError('部分商品的价格或策略已变化，请确认后重新下单', 400, {
      message: '部分商品的价格或策略已变化，请确认后重新下单',
      errors: {
        'items.12.unitPrice': '价格已由 10.00 元变为 12.00 元',
        'items.12.quantity': '数量应在 2–10 之间',
        'items.31.strategyId': '销售策略已失效，请重新选择',
        customerName: '请填写客户名称',
        paymentMode: '该策略只接受预付款结算',
      },
    });
    expect(cartErrors(error)).toEqual({
      lines: {
        12: { unitPrice: '价格已由 10.00 元变为 12.00 元', quantity: '数量应在 2–10 之间' },
        31: { strategyId: '销售策略已失效，请重新选择' },
      },
      fields: { customerName: '请填写客户名称', paymentMode: '该策略只接受预付款结算' },
    });
  });

  it('has no line errors for other failures', () => {
    expect(cartErrors(new HttpError('库存不足', 409, { message: '库存不足', code: 'OUT_OF_STOCK' }))).toEqual({
      lines: {},
      fields: {},
    });
    expect(cartErrors(new TypeError('Failed to fetch'))).toEqual({ lines: {}, fields: {} });
    expect(cartErrors(new HttpError('x', 400, { errors: { 'items.x.unitPrice': 'bad id', ids: '请选择' } }))).toEqual({
      lines: {},
      fields: { 'items.x.unitPrice': 'bad id', ids: '请选择' },
    });
  });

  it('tells the cart lines whose price changed since they were added', () => {
    expect(changedPrice({ available: true, unitPrice: 1000, currentPrice: 1200 })).toBe(1200);
    expect(changedPrice({ available: true, unitPrice: 1000, currentPrice: 1000 })).toBeNull();
    expect(changedPrice({ available: false, unitPrice: 1000, currentPrice: null })).toBeNull();
    expect(changedPrice({ available: true, unitPrice: 1000 })).toBeNull();
  });

  it('maps lines.<index>.<field> of POST /orders by line index', () => {
    const error = new HttpError('订单内容有误', 400, {
      errors: { 'lines.0.unitPrice': '价格已变更为 12.00 元', companyName: '必填' },
    });
    expect(orderErrors(error)).toEqual({ lines: { 0: { unitPrice: '价格已变更为 12.00 元' } }, fields: { companyName: '必填' } });
  });

  it('sends the customer fields of the channel, trimmed, the required ones always', () => {
    expect(
      customerBody({ customerName: ' 张三 ', customerPhone: '', remarks: ' 早到 ', companyName: 'X' }, [
        'customerName',
        'customerPhone',
        'remarks',
      ]),
    ).toEqual({
      customerName: '张三',
      remarks: '早到',
    });
    expect(customerBody({}, ['companyName', 'customerName', 'invoiceTitle'])).toEqual({ companyName: '', customerName: '' });
  });
});

describe('order requests', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('places orders, checks carts out and posts verbs with the Idempotency-Key', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ id: 5, number: 'N5', orders: [] }), { status: 201 }));
    await dataProvider.placeOrder({ channel: 'gov' }, { idempotencyKey: 'k-1' });
    await dataProvider.checkoutCart({ channel: 'individual', ids: [1] }, { idempotencyKey: 'k-2' });
    await dataProvider.verb('my-orders', 5, 'pay', {}, { idempotencyKey: 'k-3' });
    await dataProvider.verb('orders/gov', 5, 'reject', { reason: '资料不全' });
    const calls = fetchMock.mock.calls.map(([url, init]) => [
      url,
      (init as RequestInit).method,
      new Headers((init as RequestInit).headers).get('Idempotency-Key'),
    ]);
    expect(calls).toEqual([
      ['/api/console/orders', 'POST', 'k-1'],
      ['/api/console/cart-items/checkout', 'POST', 'k-2'],
      ['/api/console/orders/5/pay', 'POST', 'k-3'],
      ['/api/console/orders/5/reject', 'POST', null],
    ]);
  });
});

describe('我的订单 channel filter', () => {
  it('offers every channel the list shows, 员工内购 included', () => {
    expect(sellerChannelChoices.map((choice) => choice.id)).toEqual(['individual', 'gov', 'employee']);
    expect(sellerChannelChoices.find((choice) => choice.id === 'employee')?.name).toBe('cop.order_channel.employee');
  });
});

describe('the order form asks what its products need (issue 13 items 2, 11)', () => {
  it('asks for a receiver with goods sent by courier, and no 使用日期 when every product is such goods', () => {
    expect(customerFieldsOf('individual', orderFormNeeds(['courier']))).toEqual([
      'customerName',
      'customerPhone',
      'customerIdNo',
      'remarks',
      'receiverName',
      'receiverPhone',
      'receiverAddress',
    ]);
    expect(customerFieldsOf('individual', orderFormNeeds(['code', 'courier']))).toContain('visitDate');
    expect(customerFieldsOf('gov', orderFormNeeds(['code', undefined]))).not.toContain('receiverName');
  });

  it('totals a checkout at the current prices, leaving out lines no longer available', () => {
    const item = (id: number, unitPrice: number, currentPrice: number | null, available = true) =>
      ({ id, channel: 'individual', productId: id, strategyId: 1, quantity: 2, unitPrice, amount: unitPrice * 2, available, currentPrice }) as CartItem;
    expect(checkoutTotal([item(1, 10000, 12000), item(2, 5000, 5000), item(3, 3000, null, false)])).toBe(34000);
  });
});
