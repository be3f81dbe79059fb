import type { UploadedFile } from '../../dataProvider';
import { enumChoices } from '../shared';

/* ---------- vocabularies (labels at cop.<namespace>.<value>) ---------- */

export const AUDIENCES = ['all', 'suppliers', 'sellers', 'named'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const audienceChoices = enumChoices('audience', AUDIENCES);

export const RESOURCE_TYPES = ['venue', 'product', 'service', 'traffic', 'media', 'other'] as const;
export const resourceTypeChoices = enumChoices('resource_type', RESOURCE_TYPES);
export const RESOURCE_STATUSES = ['draft', 'listed', 'unlisted'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const resourceStatusChoices = enumChoices('resource_status', RESOURCE_STATUSES);
export const resourceStatusColors = { draft: 'default', listed: 'success', unlisted: 'warning' } as const;

export const OPPORTUNITY_KINDS = ['purchase', 'supply', 'cooperation', 'investment', 'other'] as const;
export const opportunityKindChoices = enumChoices('opportunity_kind', OPPORTUNITY_KINDS);
export const OPPORTUNITY_STATUSES = ['open', 'closed'] as const;
export const opportunityStatusChoices = enumChoices('opportunity_status', OPPORTUNITY_STATUSES);
export const opportunityStatusColors = { open: 'success', closed: 'default' } as const;
export const RESPONSE_STATUSES = ['active', 'withdrawn'] as const;
export const responseStatusColors = { active: 'info', withdrawn: 'default' } as const;

export const ANNOUNCEMENT_TYPES = ['notice', 'policy', 'promotion', 'maintenance', 'other'] as const;
export const announcementTypeChoices = enumChoices('announcement_type', ANNOUNCEMENT_TYPES);
export const ANNOUNCEMENT_STATUSES = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];
export const announcementStatusChoices = enumChoices('announcement_status', ANNOUNCEMENT_STATUSES);
export const announcementStatusColors = {
  draft: 'default',
  scheduled: 'info',
  published: 'success',
  withdrawn: 'warning',
} as const;

export const SUBJECT_TYPES = ['resource', 'opportunity', 'plain'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/* ---------- limits of the contract ---------- */

export const MAX_PICTURES = 9;
export const MAX_ATTACHMENTS = 10;
export const MAX_RESPONSE = 1000;
export const MAX_MESSAGE = 2000;
/** Attachments of one conversation message (the server's limit). */
export const MAX_MESSAGE_ATTACHMENTS = 5;
export const MAX_DESCRIPTION = 5000;
export const MAX_ANNOUNCEMENT_BODY = 50_000;

/* ---------- records ---------- */

interface Audienced {
  audience?: Audience;
  audienceIds?: number[];
}

export interface ResourceRecord extends Audienced {
  id: number;
  title: string;
  type: string;
  region?: string | null;
  description?: string | null;
  pictures?: UploadedFile[];
  attachments?: UploadedFile[];
  contactName?: string | null;
  contactPhone?: string | null;
  validFrom: string;
  validTo: string;
  status: ResourceStatus;
  listedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  // all-resources
  ownerId?: number;
  ownerName?: string;
  favourite?: boolean;
  favouriteId?: number | null;
}

export interface FavouriteRecord {
  id: number;
  resourceId: number;
  title?: string;
  type?: string;
  region?: string | null;
  ownerName?: string;
  status?: string;
  createdAt?: string;
}

export interface OpportunityResponse {
  id: number;
  message: string;
  status: 'active' | 'withdrawn';
  createdAt?: string;
}

export interface OpportunityRecord extends Audienced {
  id: number;
  title: string;
  kind: string;
  budgetMin?: number | null;
  budgetMax?: number | null;
  region?: string | null;
  deadline: string;
  description?: string | null;
  attachments?: UploadedFile[];
  status: 'open' | 'closed';
  responseCount?: number;
  createdAt?: string;
  // received-opportunities
  publisherId?: number;
  publisherName?: string;
  expired?: boolean;
  responded?: boolean;
  myResponse?: OpportunityResponse | null;
}

export interface ResponseRecord {
  id: number;
  opportunityId: number;
  opportunityTitle?: string;
  responderId: number;
  responderName?: string;
  publisherId?: number;
  publisherName?: string;
  message: string;
  status: 'active' | 'withdrawn';
  createdAt?: string;
  withdrawnAt?: string | null;
}

export interface AnnouncementRecord extends Audienced {
  id: number;
  type: string;
  title: string;
  body?: string | null;
  attachments?: UploadedFile[];
  publishAt?: string | null;
  pinned?: boolean;
  status?: AnnouncementStatus;
  publishedAt?: string | null;
  withdrawnAt?: string | null;
  createdAt?: string;
  // received-announcements
  publisherName?: string;
  read?: boolean;
}

export interface ConversationRecord {
  id: number;
  subjectType: SubjectType;
  subjectId?: number | null;
  subjectTitle?: string | null;
  counterpartId: number;
  counterpartName?: string;
  lastMessageAt?: string | null;
  lastMessagePreview?: string | null;
  unread?: number;
  hasUnread?: boolean;
  messageCount?: number;
  createdAt?: string;
}

export interface MessageRecord {
  id: number;
  conversationId: number;
  senderEnterpriseId?: number;
  senderName?: string;
  mine?: boolean;
  body: string;
  attachments?: UploadedFile[];
  createdAt?: string;
}

/* ---------- request bodies ---------- */

const ids = (files: unknown): number[] =>
  Array.isArray(files) ? files.map((file) => Number((file as { id: unknown }).id)).filter(Number.isFinite) : [];

/** { audience, audienceIds }: the named enterprises only when `named` (else none), unique ids. */
export function audienceBody(data: Record<string, unknown>): { audience: Audience; audienceIds: number[] } {
  const audience = (AUDIENCES as readonly string[]).includes(String(data.audience)) ? (data.audience as Audience) : 'all';
  const named = Array.isArray(data.audienceIds) ? data.audienceIds.map(Number).filter(Number.isFinite) : [];
  return { audience, audienceIds: audience === 'named' ? Array.from(new Set(named)) : [] };
}

/** Empty text inputs arrive as '' (or null): optional fields are sent as null. */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value ?? null);

function pick(data: Record<string, unknown>, fields: readonly string[], optional: readonly string[] = []) {
  const body: Record<string, unknown> = {};
  for (const field of fields) if (field in data) body[field] = optional.includes(field) ? blankToNull(data[field]) : data[field];
  return body;
}

export const RESOURCE_FIELDS = ['title', 'type', 'region', 'description', 'contactName', 'contactPhone', 'validFrom', 'validTo'] as const;

/** POST / PUT /resources: the form keeps the uploaded pictures and attachments, the server takes their ids. */
export function resourceBody(data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...pick(data, RESOURCE_FIELDS, ['region', 'description', 'contactName', 'contactPhone']),
    pictureIds: ids(data.pictures),
    attachmentIds: ids(data.attachments),
    ...audienceBody(data),
  };
}

export const OPPORTUNITY_FIELDS = ['title', 'kind', 'budgetMin', 'budgetMax', 'region', 'deadline', 'description'] as const;

export function opportunityBody(data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...pick(data, OPPORTUNITY_FIELDS, ['budgetMin', 'budgetMax', 'region', 'description']),
    attachmentIds: ids(data.attachments),
    ...audienceBody(data),
  };
}

export type PublishMode = 'now' | 'scheduled';

/** The publish mode a stored announcement shows in its form. */
export const publishModeOf = (record: { publishAt?: string | null } | undefined): PublishMode =>
  record?.publishAt ? 'scheduled' : 'now';

/** A datetime input value (Date, or the 'YYYY-MM-DDTHH:mm' / ISO string) → ISO, or null. */
export function toIsoDateTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const ANNOUNCEMENT_FIELDS = ['type', 'title', 'body', 'pinned'] as const;

/** POST / PUT /announcements: 立即发布 sends no publishAt (publish now), 定时发布 the chosen time. */
export function announcementBody(data: Record<string, unknown>): Record<string, unknown> {
  const mode: PublishMode = data.publishMode === 'scheduled' ? 'scheduled' : 'now';
  return {
    ...pick(data, ANNOUNCEMENT_FIELDS),
    pinned: !!data.pinned,
    publishAt: mode === 'scheduled' ? toIsoDateTime(data.publishAt) : null,
    attachmentIds: ids(data.attachments),
    ...audienceBody(data),
  };
}

/** A scheduled time must lie in the future (the server checks it again when publishing). */
export const futureDateTime = (value: unknown, values: Record<string, unknown>) => {
  if (values?.publishMode !== 'scheduled') return undefined;
  const iso = toIsoDateTime(value);
  if (!iso) return 'ra.validation.required';
  return new Date(iso).getTime() <= Date.now() ? 'cop.validation.future_time' : undefined;
};

/** Today in Asia/Shanghai as 'YYYY-MM-DD' (the server's calendar). */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date that must not be in the past (a new opportunity's deadline). */
export const notPastDate = (value: unknown) =>
  typeof value === 'string' && value && value.slice(0, 10) < shanghaiToday() ? 'cop.validation.not_past' : undefined;

/** budgetMax must not be below budgetMin (both optional). */
export const notBelowMin = (value: unknown, values: Record<string, unknown>) => {
  const min = values?.budgetMin;
  return typeof value === 'number' && typeof min === 'number' && value < min ? 'cop.validation.budget_order' : undefined;
};

/* ---------- what each state allows ---------- */

/** 我的资源: 编辑 / 删除 / 上架 while draft or unlisted, 下架 while listed; 复制 always. */
export const resourceCan = {
  edit: (record?: { status?: string }) => record?.status === 'draft' || record?.status === 'unlisted',
  list: (record?: { status?: string }) => record?.status === 'draft' || record?.status === 'unlisted',
  unlist: (record?: { status?: string }) => record?.status === 'listed',
};

/** 发布商机: edit / delete while nobody responded; close while open. */
export const opportunityCan = {
  edit: (record?: { responseCount?: number | null; status?: string }) => !record?.responseCount && record?.status === 'open',
  delete: (record?: { responseCount?: number | null }) => !record?.responseCount,
  close: (record?: { status?: string }) => record?.status === 'open',
};

/** 接收商机: why 响应 is not possible (a translation key), or null. */
export function respondBlocker(record?: Pick<OpportunityRecord, 'expired' | 'responded' | 'status'> | null): string | null {
  if (!record) return 'ra.page.loading';
  if (record.responded) return 'cop.opportunities.already_responded';
  if (record.expired) return 'cop.opportunities.expired';
  if (record.status === 'closed') return 'cop.opportunities.closed';
  return null;
}

/** My active response can be withdrawn before the deadline. */
export const canWithdrawResponse = (record?: Pick<OpportunityRecord, 'expired' | 'myResponse'> | null) =>
  !!record?.myResponse && record.myResponse.status === 'active' && !record.expired;

/** 发布公告: edit while draft or scheduled, delete while draft, publish a draft, withdraw a scheduled or published one. */
export const announcementCan = {
  edit: (record?: { status?: string }) => record?.status === 'draft' || record?.status === 'scheduled',
  delete: (record?: { status?: string }) => record?.status === 'draft',
  publish: (record?: { status?: string }) => record?.status === 'draft',
  withdraw: (record?: { status?: string }) => record?.status === 'scheduled' || record?.status === 'published',
};

/** Where a conversation's subject is shown to the caller: the resource / opportunity detail page. */
export function subjectPath(conversation: Pick<ConversationRecord, 'subjectType' | 'subjectId'>, mine: boolean): string | null {
  if (!conversation.subjectId) return null;
  if (conversation.subjectType === 'resource') return `/${mine ? 'resources' : 'all-resources'}/${conversation.subjectId}/show`;
  if (conversation.subjectType === 'opportunity')
    return `/${mine ? 'opportunities' : 'received-opportunities'}/${conversation.subjectId}/show`;
  return null;
}

/**
 * The announcement body's validator: the rich text must hold text or a picture (an empty editor answers
 * '<p></p>'), as the server requires. Flagged `isRequired` so that react-admin marks the label with `*`.
 */
export const richTextRequired = Object.assign(
  (value: unknown) =>
    typeof value === 'string' && (value.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() || /<img\s[^>]*src=/i.test(value))
      ? undefined
      : 'ra.validation.required',
  { isRequired: true },
);
