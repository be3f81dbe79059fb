import type { Core } from '@strapi/types';
import contentTypes from './content-types';
import notifications from './services/notifications';
import announcements, { ANNOUNCEMENT, sanitizeBody } from './services/announcements';
import conversations from './services/conversations';
import resources from './resources';

export type { NotificationInput } from './services/notifications';
export type { SubjectResolver } from './services/conversations';
export { sanitizeBody } from './services/announcements';

/**
 * Communication: the message centre (per-user notifications from every module), announcements to an
 * audience, and conversations between two enterprises.
 */
export default {
  contentTypes,
  services: { notifications, announcements, conversations },
  register({ strapi }: { strapi: Core.Strapi }) {
    // every write of an announcement's body is sanitised, the admin panel's included
    const clean = (event: any) => {
      const data = event.params?.data;
      if (data && typeof data.body === 'string') data.body = sanitizeBody(data.body);
      // published straight from the admin panel: it went out now
      if (data && data.status === 'published' && !data.releasedAt) data.releasedAt = new Date();
    };
    strapi.db.lifecycles.subscribe({ models: [ANNOUNCEMENT], beforeCreate: clean, beforeUpdate: clean, beforeCreateMany: clean, beforeUpdateMany: clean });
  },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...resources);
    strapi.plugin('scheduler').service('jobs').define({
      name: 'messaging.publish-announcements',
      cron: '* * * * *',
      run: ({ now }: { now: Date }) => strapi.plugin('messaging').service('announcements').publishDue(now),
    });
  },
};
