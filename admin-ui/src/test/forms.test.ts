import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { hiddenErrorMessages, integer, notBefore } from '../resources/shared';
import { strategyBody } from '../resources/strategies/types';
import { productBody, productWritable } from '../resources/products/types';
import { agreementBody, attachmentProblem, AGREEMENT_WRITABLE } from '../resources/agreements/types';

describe('form bodies and server errors', () => {
  it('notifies the server errors no input shows (nested line errors), not those on inputs', () => {
    const overlap = new HttpError('校验失败', 400, {
      message: '校验失败',
      errors: { 'lines.0.productId': '与策略“春季”的价格重叠', name: '名称重复' },
    });
    expect(hiddenErrorMessages(overlap, ['name', 'lines'])).toEqual(['与策略“春季”的价格重叠']);
    const onInputs = new HttpError('校验失败', 400, { errors: { name: '名称重复' } });
    expect(hiddenErrorMessages(onInputs, ['name'])).toEqual([]);
    expect(hiddenErrorMessages(new HttpError('无权限', 403, { message: '无权限' }), ['name'])).toEqual(['无权限']);
  });

  it('builds strategy bodies: sellers only when named, audit only for gov, optional line numbers only when set', () => {
    const data = {
      id: 3,
      status: 'active',
      channel: 'individual',
      name: '春季',
      effectiveFrom: '2025-03-01',
      effectiveTo: '2025-05-31',
      businessMode: 'prepaid',
      appliesTo: 'all',
      sellerIds: [4, 5],
      requiresAudit: true,
      lines: [{ productId: 7, price: 1234, settlementPrice: null, minQuantity: 1, maxQuantity: '', dailyMax: 20 }],
      createdAt: '2025-01-01T00:00:00Z',
    };
    expect(strategyBody(data, 'individual')).toEqual({
      name: '春季',
      effectiveFrom: '2025-03-01',
      effectiveTo: '2025-05-31',
      businessMode: 'prepaid',
      appliesTo: 'all',
      sellerIds: [],
      requiresAudit: false,
      lines: [{ productId: 7, price: 1234, minQuantity: 1, dailyMax: 20 }],
    });
    expect(strategyBody({ ...data, appliesTo: 'named' }, 'gov')).toMatchObject({ sellerIds: [4, 5], requiresAudit: true });
  });

  it('builds product bodies by kind', () => {
    expect(productWritable({ category: 'ticket' })).toEqual(
      expect.arrayContaining(['name', 'referencePrice', 'scenicSpot', 'ticketType', 'entryRule']),
    );
    expect(productWritable({ category: 'ticket' })).not.toContain('category');
    const combo = productBody(
      { id: 1, name: '套票', isCombo: true, status: 'listed', comboItems: [{ productId: 2, quantity: 1, extra: 1 }, {}], mainProductId: 2 },
      productWritable({ isCombo: true }),
    );
    expect(combo).toEqual({ name: '套票', comboItems: [{ productId: 2, quantity: 1 }], mainProductId: 2 });
  });

  it('sends agreement attachments as ids and checks files before uploading', () => {
    expect(
      agreementBody(
        { id: 1, status: 'draft', title: '年度协议', number: 'A-1', attachments: [{ id: 5, name: 'a.pdf' }, { id: 9, name: 'b.png' }] },
        AGREEMENT_WRITABLE,
      ),
    ).toEqual({ title: '年度协议', attachmentIds: [5, 9] });
    expect(attachmentProblem({ name: '合同.PDF', size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: 'run.exe', size: 1000 })).toBe('type');
    expect(attachmentProblem({ name: 'scan.jpg', size: 11 * 1024 * 1024 })).toBe('size');
  });

  it('validates whole quantities and date order', () => {
    expect(integer(3, {}, {} as never)).toBeUndefined();
    expect(integer(1.5, {}, {} as never)).toBe('cop.validation.integer');
    expect(integer(null, {}, {} as never)).toBeUndefined();
    const validTo = notBefore('validFrom');
    expect(validTo('2025-01-01', { validFrom: '2025-02-01' }, {} as never)).toBe('cop.validation.date_order');
    expect(validTo('2025-02-01', { validFrom: '2025-02-01' }, {} as never)).toBeUndefined();
  });
});
