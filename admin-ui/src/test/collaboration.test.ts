import { describe, expect, it } from 'vitest';
import {
  announcementBody,
  announcementCan,
  audienceBody,
  canWithdrawResponse,
  futureDateTime,
  notBelowMin,
  notPastDate,
  opportunityBody,
  opportunityCan,
  publishModeOf,
  resourceBody,
  resourceCan,
  respondBlocker,
  shanghaiToday,
  subjectPath,
  toIsoDateTime,
  richTextRequired,
} from '../resources/collaboration/types';
import { isRequired } from 'react-admin';
import { conversationBody, conversationPath } from '../resources/collaboration/ContactButton';
import { budgetText } from '../resources/collaboration/fields';
import { isImage, uploadProblem } from '../resources/collaboration/files';
import { favouriteDetailPath } from '../resources/my-resources/FavouriteList';
import { shortTime } from '../resources/conversations/ThreadList';
import { trendPoints } from '../pages/SalesStatistics';

const file = (id: number, name = `f${id}.pdf`) => ({ id, name, mime: 'application/pdf', size: 10 });

describe('audience form → payload', () => {
  it('sends the named enterprises only for `named`, unique and numeric', () => {
    expect(audienceBody({ audience: 'named', audienceIds: [4, '5', 4] })).toEqual({ audience: 'named', audienceIds: [4, 5] });
    expect(audienceBody({ audience: 'sellers', audienceIds: [4, 5] })).toEqual({ audience: 'sellers', audienceIds: [] });
    expect(audienceBody({ audience: 'suppliers' })).toEqual({ audience: 'suppliers', audienceIds: [] });
    expect(audienceBody({})).toEqual({ audience: 'all', audienceIds: [] });
    expect(audienceBody({ audience: 'everybody' })).toEqual({ audience: 'all', audienceIds: [] });
  });
});

describe('resource, opportunity and announcement bodies', () => {
  it('a resource: writable fields, picture and attachment ids, audience; read-only fields dropped; blanks as null', () => {
    const body = resourceBody({
      id: 3,
      status: 'draft',
      createdAt: '2026-01-01T00:00:00Z',
      title: '会议中心',
      type: 'venue',
      region: '',
      description: '可容纳 500 人',
      contactName: '张三',
      contactPhone: '  ',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      pictures: [file(7, 'a.png'), file(8, 'b.jpg')],
      attachments: [file(9)],
      audience: 'named',
      audienceIds: [12],
    });
    expect(body).toEqual({
      title: '会议中心',
      type: 'venue',
      region: null,
      description: '可容纳 500 人',
      contactName: '张三',
      contactPhone: null,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      pictureIds: [7, 8],
      attachmentIds: [9],
      audience: 'named',
      audienceIds: [12],
    });
  });

  it('an opportunity: budgets in fen as typed (MoneyInput parses), empty budgets null, attachments as ids', () => {
    expect(
      opportunityBody({
        title: '采购门票',
        kind: 'purchase',
        budgetMin: 100000,
        budgetMax: null,
        region: '杭州',
        deadline: '2026-12-01',
        description: '',
        attachments: [],
        audience: 'all',
        responseCount: 0,
      }),
    ).toEqual({
      title: '采购门票',
      kind: 'purchase',
      budgetMin: 100000,
      budgetMax: null,
      region: '杭州',
      deadline: '2026-12-01',
      description: null,
      attachmentIds: [],
      audience: 'all',
      audienceIds: [],
    });
  });

  it('an announcement: publish now sends no time, scheduled sends the ISO time; pinned is a boolean', () => {
    const base = { type: 'notice', title: '春节安排', body: '<p>放假</p>', attachments: [file(2)], audience: 'all', status: 'draft' };
    expect(announcementBody({ ...base, publishMode: 'now', publishAt: '2030-01-01T10:00' })).toEqual({
      type: 'notice',
      title: '春节安排',
      body: '<p>放假</p>',
      pinned: false,
      publishAt: null,
      attachmentIds: [2],
      audience: 'all',
      audienceIds: [],
    });
    const scheduled = announcementBody({ ...base, pinned: true, publishMode: 'scheduled', publishAt: new Date('2030-01-01T02:00:00Z') });
    expect(scheduled.publishAt).toBe('2030-01-01T02:00:00.000Z');
    expect(scheduled.pinned).toBe(true);
    expect(publishModeOf({ publishAt: '2030-01-01T02:00:00Z' })).toBe('scheduled');
    expect(publishModeOf({ publishAt: null })).toBe('now');
    expect(toIsoDateTime('')).toBeNull();
    expect(toIsoDateTime('garbage')).toBeNull();
  });
});

describe('validators', () => {
  it('a scheduled time must be in the future (only when scheduled)', () => {
    expect(futureDateTime('2000-01-01T00:00', { publishMode: 'scheduled' })).toBe('cop.validation.future_time');
    expect(futureDateTime('', { publishMode: 'scheduled' })).toBe('ra.validation.required');
    expect(futureDateTime(new Date(Date.now() + 3_600_000), { publishMode: 'scheduled' })).toBeUndefined();
    expect(futureDateTime('2000-01-01T00:00', { publishMode: 'now' })).toBeUndefined();
  });

  it('a deadline not in the past (Asia/Shanghai calendar), a maximum budget not below the minimum', () => {
    expect(shanghaiToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(notPastDate('2000-01-01')).toBe('cop.validation.not_past');
    expect(notPastDate(shanghaiToday())).toBeUndefined();
    expect(notPastDate('')).toBeUndefined();
    expect(notBelowMin(100, { budgetMin: 200 })).toBe('cop.validation.budget_order');
    expect(notBelowMin(200, { budgetMin: 200 })).toBeUndefined();
    expect(notBelowMin(100, { budgetMin: null })).toBeUndefined();
  });
});

describe('what each state allows', () => {
  it('resources: edit / delete / list while draft or unlisted, unlist while listed', () => {
    expect(resourceCan.edit({ status: 'draft' })).toBe(true);
    expect(resourceCan.edit({ status: 'unlisted' })).toBe(true);
    expect(resourceCan.edit({ status: 'listed' })).toBe(false);
    expect(resourceCan.list({ status: 'listed' })).toBe(false);
    expect(resourceCan.unlist({ status: 'listed' })).toBe(true);
    expect(resourceCan.unlist({ status: 'draft' })).toBe(false);
  });

  it('opportunities: edit while open without responses, delete without responses, close while open', () => {
    expect(opportunityCan.edit({ status: 'open', responseCount: 0 })).toBe(true);
    expect(opportunityCan.edit({ status: 'open', responseCount: 2 })).toBe(false);
    expect(opportunityCan.edit({ status: 'closed', responseCount: 0 })).toBe(false);
    expect(opportunityCan.delete({ responseCount: 1 })).toBe(false);
    expect(opportunityCan.close({ status: 'open' })).toBe(true);
    expect(opportunityCan.close({ status: 'closed' })).toBe(false);
  });

  it('received opportunities: respond once before the deadline; withdraw my active response before it', () => {
    expect(respondBlocker({ status: 'open', expired: false, responded: false })).toBeNull();
    expect(respondBlocker({ status: 'open', expired: true, responded: false })).toBe('cop.opportunities.expired');
    expect(respondBlocker({ status: 'open', expired: false, responded: true })).toBe('cop.opportunities.already_responded');
    expect(respondBlocker({ status: 'closed', expired: false, responded: false })).toBe('cop.opportunities.closed');
    const active = { id: 1, message: '可以', status: 'active' as const };
    expect(canWithdrawResponse({ expired: false, myResponse: active })).toBe(true);
    expect(canWithdrawResponse({ expired: true, myResponse: active })).toBe(false);
    expect(canWithdrawResponse({ expired: false, myResponse: { ...active, status: 'withdrawn' } })).toBe(false);
    expect(canWithdrawResponse({ expired: false, myResponse: null })).toBe(false);
  });

  it('announcements: edit draft / scheduled, delete and publish drafts, withdraw scheduled / published', () => {
    const can = (status: string) => Object.entries(announcementCan).filter(([, test]) => test({ status })).map(([name]) => name);
    expect(can('draft')).toEqual(['edit', 'delete', 'publish']);
    expect(can('scheduled')).toEqual(['edit', 'withdraw']);
    expect(can('published')).toEqual(['withdraw']);
    expect(can('withdrawn')).toEqual([]);
  });
});

describe('conversations', () => {
  it('builds the POST /conversations body of each way to start a thread', () => {
    expect(conversationBody({ subjectType: 'resource', subjectId: 5 }, '  你好 ')).toEqual({ subjectType: 'resource', subjectId: 5, text: '你好' });
    expect(conversationBody({ subjectType: 'opportunity', subjectId: 6, counterpartId: 9 }, '沟通')).toEqual({
      subjectType: 'opportunity',
      subjectId: 6,
      counterpartId: 9,
      text: '沟通',
    });
    expect(conversationBody({ subjectType: 'plain', counterpartId: 9 }, 'hi')).toEqual({ subjectType: 'plain', counterpartId: 9, text: 'hi' });
    expect(conversationPath(12)).toBe('/conversations/12/show');
  });

  it('links a subject to my page or to the other side’s', () => {
    expect(subjectPath({ subjectType: 'resource', subjectId: 3 }, true)).toBe('/resources/3/show');
    expect(subjectPath({ subjectType: 'resource', subjectId: 3 }, false)).toBe('/all-resources/3/show');
    expect(subjectPath({ subjectType: 'opportunity', subjectId: 4 }, true)).toBe('/opportunities/4/show');
    expect(subjectPath({ subjectType: 'opportunity', subjectId: 4 }, false)).toBe('/received-opportunities/4/show');
    expect(subjectPath({ subjectType: 'plain', subjectId: null }, false)).toBeNull();
    expect(favouriteDetailPath({ resourceId: 8 })).toBe('/all-resources/8/show');
  });

  it('shows the time of a thread briefly: today the time, this year the day, else the date', () => {
    const now = new Date('2026-06-15T04:00:00Z'); // 12:00 in Shanghai
    expect(shortTime('2026-06-15T01:05:00Z', 'en', now)).toBe('09:05');
    expect(shortTime('2026-03-02T01:05:00Z', 'en', now)).toBe('03/02');
    expect(shortTime('2025-03-02T01:05:00Z', 'en', now)).toBe('03/02/2025');
    expect(shortTime(null, 'en', now)).toBe('');
  });
});

describe('small helpers', () => {
  it('budget text in yuan', () => {
    expect(budgetText({ budgetMin: 100000, budgetMax: 250050 }, '面议')).toBe('¥1,000.00 – ¥2,500.50');
    expect(budgetText({ budgetMin: 100000, budgetMax: 100000 }, '面议')).toBe('¥1,000.00');
    expect(budgetText({ budgetMin: 100, budgetMax: null }, '面议')).toBe('≥ ¥1.00');
    expect(budgetText({ budgetMin: null, budgetMax: 100 }, '面议')).toBe('≤ ¥1.00');
    expect(budgetText({}, '面议')).toBe('面议');
  });

  it('pictures must be images; every file follows the upload rules', () => {
    expect(uploadProblem({ name: 'a.PNG', size: 10 }, true)).toBeNull();
    expect(uploadProblem({ name: 'a.pdf', size: 10 }, true)).toBe('type');
    expect(uploadProblem({ name: 'a.pdf', size: 10 })).toBeNull();
    expect(uploadProblem({ name: 'a.exe', size: 10 })).toBe('type');
    expect(uploadProblem({ name: 'a.jpg', size: 11 * 1024 * 1024 }, true)).toBe('size');
    expect(isImage({ mime: 'image/png' })).toBe(true);
    expect(isImage({ name: 'x.webp' })).toBe(true);
    expect(isImage({ mime: 'application/pdf', name: 'x.png' })).toBe(false);
  });

  it('the statistics trend in yuan per day', () => {
    expect(
      trendPoints({
        side: 'seller',
        today: { payments: 0, refunds: 0 },
        month: { payments: 0, refunds: 0 },
        trend: [{ day: '2026-06-01', payments: 12345, refunds: 100 }],
      }),
    ).toEqual([{ day: '06-01', payments: 123.45, refunds: 1 }]);
    expect(trendPoints(undefined)).toEqual([]);
  });
});

describe('announcement body: required and marked *', () => {
  it('is flagged required for react-admin (the label shows *) and refuses an empty editor', () => {
    expect(isRequired([richTextRequired])).toBe(true);
    expect(richTextRequired('<p></p>')).toBe('ra.validation.required');
    expect(richTextRequired('<p> &nbsp; </p>')).toBe('ra.validation.required');
    expect(richTextRequired(undefined)).toBe('ra.validation.required');
    expect(richTextRequired('<p>今晚维护</p>')).toBeUndefined();
    expect(richTextRequired('<p><img src="https://x/y.png"></p>')).toBeUndefined();
  });
});
