import { enumChoices } from '../shared';

export const PARTNERSHIP_STATUSES = ['active', 'stopped'] as const;
export const PARTNERSHIP_ACTIONS = ['add', 'stop', 'resume'] as const;

export const partnershipStatusChoices = enumChoices('partnership_status', PARTNERSHIP_STATUSES);
export const partnershipStatusColors = { active: 'success', stopped: 'default' } as const;

export interface PartnershipRecord {
  id: number;
  supplierId: number;
  sellerId: number;
  supplierName?: string;
  sellerName?: string;
  status: (typeof PARTNERSHIP_STATUSES)[number];
  stoppedAt?: string | null;
  stopReason?: string | null;
  createdAt?: string;
  history?: { action: (typeof PARTNERSHIP_ACTIONS)[number]; reason?: string | null; operatorName?: string; at: string }[];
}

/** The stop reason the server accepts (required, at most 200 characters). */
export const STOP_REASON_MAX = 200;
