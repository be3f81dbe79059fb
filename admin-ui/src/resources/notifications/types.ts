import { NOTIFICATION_TYPES } from '@cop/config';

export { NOTIFICATION_TYPES };

export const notificationTypeChoices = NOTIFICATION_TYPES.map((id) => ({ id, name: `cop.notifications.types.${id}` }));

export interface NotificationRecord {
  id: number;
  type?: string;
  title?: string;
  body?: string | null;
  link?: string | null;
  read?: boolean;
  readAt?: string | null;
  createdAt?: string;
}

/** Links inside the console are routes (`/orders/12/show`); anything with a scheme opens a new tab. */
export const isExternalLink = (link: string) => /^[a-z][a-z0-9+.-]*:/i.test(link);
