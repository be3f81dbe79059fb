import type { Core } from '@strapi/types';
import contentTypes from './content-types';
import notifications from './services/notifications';
import { notifications as notificationsResource } from './resources';

export { NOTIFICATION_TYPES } from './services/notifications';
export type { NotificationInput, NotificationType } from './services/notifications';

export default {
  contentTypes,
  services: { notifications },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(notificationsResource);
  },
};
