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
    const cleanOne = (data: any) => {
      if (!data || typeof data !== 'object') return;
      if (typeof data.body === 'string') data.body = sanitizeBody(data.body);
      // published straight from the admin panel: it went out now
      if (data.state === 'published' && !data.releasedAt) data.releasedAt = new Date();
      // the key the audience rule matches follows the named ids, whoever writes them
      if (data.audience !== undefined || data.audienceIds !== undefined) {
        const ids = Array.isArray(data.audienceIds) ? [...new Set(data.audienceIds.map(Number).filter((id: number) => Number.isSafeInteger(id) && id > 0))].sort((a: any, b: any) => a - b) : [];
        if (data.audience === 'named') data.audienceKey = ids.length ? `|${ids.join('|')}|` : null;
        else if (data.audience !== undefined) { data.audienceKey = null; data.audienceIds = []; }
      }
    };
    const clean = (event: any) => {
      const data = event.params?.data;
      if (Array.isArray(data)) data.forEach(cleanOne);
      else cleanOne(data);
    };
    // published from the admin panel (a single create or update that makes it published): the audience
    // is told, as when an enterprise publishes; the services' own publishing goes through updateMany
    const goingOut = async (event: any) => {
      if (event.params?.data?.state !== 'published') return;
      const before = event.action === 'beforeUpdate'
        ? await strapi.db.query(ANNOUNCEMENT).findOne({ where: event.params.where, select: ['state'] })
        : null;
      if (!before || before.state !== 'published') event.state.announce = true;
    };
    const announce = async (event: any) => {
      if (event.state?.announce && event.result?.id) await strapi.plugin('messaging').service('announcements').announce(event.result.id);
    };
    strapi.db.lifecycles.subscribe({
      models: [ANNOUNCEMENT],
      beforeCreate: async (event: any) => { clean(event); await goingOut(event); },
      beforeUpdate: async (event: any) => { clean(event); await goingOut(event); },
      beforeCreateMany: clean,
      beforeUpdateMany: clean,
      afterCreate: announce,
      afterUpdate: announce,
    });
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
