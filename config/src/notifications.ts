/** Kinds of message-centre notifications, written by every module and filtered in the console. */
export const NOTIFICATION_TYPES = ['system', 'announcement', 'opportunity', 'message', 'agreement', 'audit', 'order', 'payment', 'refund', 'fulfilment'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
