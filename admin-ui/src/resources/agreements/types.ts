import { enumChoices } from '../shared';
import type { UploadedFile } from '../../dataProvider';

export const AGREEMENT_STATUSES = ['draft', 'confirmed', 'effective', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const agreementStatusChoices = enumChoices('agreement_status', AGREEMENT_STATUSES);
/** The seller never sees drafts. */
export const sellerAgreementStatusChoices = enumChoices(
  'agreement_status',
  AGREEMENT_STATUSES.filter((status) => status !== 'draft'),
);
export const agreementStatusColors = {
  draft: 'default',
  confirmed: 'info',
  effective: 'success',
  expired: 'warning',
  terminated: 'error',
} as const;

export interface AgreementRecord {
  id: number;
  supplierId: number;
  sellerId: number;
  supplierName?: string;
  sellerName?: string;
  number: string;
  title: string;
  terms?: string | null;
  validFrom: string;
  validTo: string;
  attachments?: UploadedFile[];
  status: AgreementStatus;
  confirmedAt?: string | null;
  terminatedAt?: string | null;
  terminationReason?: string | null;
  createdAt?: string;
}

/** Editable while draft; attachments are written as attachmentIds. */
export const AGREEMENT_WRITABLE = ['title', 'terms', 'validFrom', 'validTo'] as const;
export const AGREEMENT_CREATE_ONLY = ['sellerId', 'number'] as const;

export const canTerminate = (record: { status?: string }) => record.status === 'confirmed' || record.status === 'effective';

/** The body of POST / PUT: the form holds the attachment records, the server takes their ids. */
export function agreementBody(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = Object.fromEntries(
    fields.filter((field) => field in data).map((field) => [field, data[field]]),
  );
  const attachments = Array.isArray(data.attachments) ? (data.attachments as { id: number }[]) : [];
  body.attachmentIds = attachments.map((file) => file.id);
  return body;
}

/** Upload rules of POST /files/upload. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'];
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** Why a file cannot be uploaded ('type' / 'size'), or null. */
export function attachmentProblem(file: { name: string; size: number }): 'type' | 'size' | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!ATTACHMENT_EXTENSIONS.includes(ext)) return 'type';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'size';
  return null;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
