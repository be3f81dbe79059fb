/**
 * The console's validation layer as pure functions (no Strapi boot): field schemas compiled from
 * declarations, calendar days, text the database can store, filters and sort.
 */
import { isDay } from '@cop/config';
import { dirtyPath, fieldErrors, objectSchema } from '../../../plugins/console/server/services/schema';
import { checkInput, convert, filterWhere, sortOrder } from '../../../plugins/console/server/services/fields';
import type { ResourceDeclaration } from '../../../plugins/console/server/types';

const en = (result: { ok: boolean; error?: { en: string } }) => (result.ok ? 'ok' : result.error!.en);

describe('calendar days', () => {
  it('takes real days in 1900–9999 only', () => {
    expect(['2026-02-28', '2024-02-29', '1900-01-01', '9999-12-31'].map(isDay)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '0000-01-01', '1899-12-31', '2026-1-01', '-271821-04-20', 20260101].map(isDay))
      .toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('field schemas from declarations', () => {
  it('refuses NUL and lone surrogates in text, trims, and names the limit', () => {
    const spec = { type: 'string' as const, maxLength: 5 };
    expect(en(convert(spec, 'a\u0000b'))).toMatch(/NUL/);
    expect(en(convert(spec, 'a\ud800'))).toMatch(/NUL or invalid Unicode/);
    expect(convert(spec, '  abc ')).toEqual({ ok: true, value: 'abc' });
    expect(en(convert(spec, 'abcdef'))).toBe('must be at most 5 characters');
  });

  it('keeps ids and integers inside int4 and money inside 10^12 fen; filters take digits', () => {
    expect(en(convert({ type: 'id' }, 2_147_483_648))).toBe('must be at most 2147483647');
    expect(en(convert({ type: 'integer' }, 1.5))).toBe('must be a whole number');
    expect(convert({ type: 'money' }, 1_000_000_000_000)).toEqual({ ok: true, value: 1_000_000_000_000 });
    expect(en(convert({ type: 'money' }, 1_000_000_000_001))).toBe('must be at most 1000000000000');
    expect(convert({ type: 'id' }, '42', { forFilter: true })).toEqual({ ok: true, value: 42 });
    expect(convert({ type: 'id' }, '42')).toMatchObject({ ok: false });
  });

  it('takes date-times that are real instants in range', () => {
    expect(convert({ type: 'datetime' }, '2026-11-30T10:00:00+08:00')).toMatchObject({ ok: true });
    for (const bad of ['-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-02-30T10:00:00Z', '2026-01-01T25:00:00Z', 'yesterday']) {
      expect([bad, convert({ type: 'datetime' }, bad).ok]).toEqual([bad, false]);
    }
  });

  it('checks list items field by field and names them', () => {
    const lines = { type: 'list' as const, max: 2, required: true, items: { productId: { type: 'id' as const, required: true }, quantity: { type: 'integer' as const, min: 1 } } };
    const result = objectSchema({ lines }, 'create').safeParse({ lines: [{ productId: 'x', quantity: 0 }, null] });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors((result as any).error)).sort()).toEqual(['lines.0.productId', 'lines.0.quantity', 'lines.1']);
    expect(objectSchema({ lines }, 'create').safeParse({ lines: [{ productId: 1 }, { productId: 2 }, { productId: 3 }] }).success).toBe(false);
  });

  it('refuses unknown fields and bodies that are not objects, naming them', () => {
    expect(() => checkInput({ reason: { type: 'text', maxLength: 10 } }, { reason: 'ok', colour: 'red' })).toThrow(expect.objectContaining({ fields: { colour: expect.any(Object) } }));
    expect(() => checkInput({}, [1, 2])).toThrow(expect.objectContaining({ fields: { body: expect.any(Object) } }));
    expect(checkInput({ reason: { type: 'text' } }, undefined)).toEqual({});
  });
});

describe('hostile shapes anywhere in a parsed input', () => {
  it('finds the first NUL, lone surrogate or over-deep nesting, with its path', () => {
    expect(dirtyPath({ a: [{ b: 'x\u0000' }] })).toBe('a.0.b');
    expect(dirtyPath({ ['k\u0000']: 1 })).toBe('key');
    expect(dirtyPath(JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`))).not.toBeNull();
    expect(dirtyPath({ a: ['fine', 1, null, { b: '中文' }] })).toBeNull();
  });
});

describe('filters and sort', () => {
  const resource = {
    name: 'things', fields: { name: { type: 'string', filter: ['eq'], sort: true, search: true }, createdAt: { type: 'datetime', filter: ['gte'] } },
  } as unknown as ResourceDeclaration;

  it('refuses ids past int4, unknown fields and bad values, naming the filter', () => {
    const names = (filter: Record<string, unknown>) => { try { filterWhere(resource, filter); return []; } catch (e: any) { return Object.keys(e.fields); } };
    expect(names({ id: 2_147_483_648 })).toEqual(['id']);
    expect(names({ id: [1, 'x'] })).toEqual(['id']);
    expect(names({ colour: 'red' })).toEqual(['colour']);
    expect(names({ createdAt_gte: '2026-02-30T00:00:00Z' })).toEqual(['createdAt_gte']);
    expect(names({ q: 'a\u0000' })).toEqual(['q']);
    expect(filterWhere(resource, { id: ['3', 4], name: ['a', 'b'] })).toEqual([{ id: { $in: [3, 4] } }, { name: { $in: ['a', 'b'] } }]);
  });

  it('takes sort only as ["field","ASC|DESC"] on a sortable field', () => {
    expect(sortOrder(resource, ['name', 'ASC'])).toEqual([{ name: 'asc' }, { id: 'asc' }]);
    for (const bad of [{ id: 'asc' }, ['name'], ['colour', 'ASC'], ['name', 'UP']]) expect(() => sortOrder(resource, bad)).toThrow();
  });
});
