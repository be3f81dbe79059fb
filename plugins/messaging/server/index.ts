import type { Core } from '@strapi/types';
import contentTypes from './content-types';
import notifications from './services/notifications';
import { notifications as notificationsResource } from './resources';

export type { NotificationInput } from './services/notifications';

export default {
  contentTypes,
  services: { notifications },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(notificationsResource);
  },
};
