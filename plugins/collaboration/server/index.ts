import type { Core } from '@strapi/types';
import contentTypes from './content-types';
import resourcesService from './services/resources';
import opportunities from './services/opportunities';
import declarations from './resources';
import { OPPORTUNITY, RESPONSE } from './uids';
import { errors, invalid } from '@cop/config';

export { RESOURCE, FAVOURITE, OPPORTUNITY, RESPONSE } from './uids';

const t = errors.text;

/**
 * Collaboration between enterprises: resources (资源在线) and opportunities (商机), published to an
 * audience. Conversations about them belong to messaging, which asks this plugin who a subject's
 * counterpart is.
 */
export default {
  contentTypes,
  services: { resources: resourcesService, opportunities },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('console').service('registry').register(...declarations);
    const tenancy = () => strapi.plugin('console').service('tenancy');
    const conversations = strapi.plugin('messaging').service('conversations');
    // "message the provider": the caller must see the resource; the thread is with its owner
    conversations.registerSubject('resource', async (principal: any, subjectId: number) => {
      const resource = await tenancy().findVisible('all-resources', principal, subjectId);
      if (!resource) throw invalid({ subjectId: t('资源不存在或不可见', 'does not exist or is not visible to you') });
      return { title: resource.title, counterpartId: resource.ownerId };
    });
    // the responder writes to the publisher; the publisher writes to one of its responders
    conversations.registerSubject('opportunity', async (principal: any, subjectId: number, counterpartId?: number) => {
      const own = await strapi.db.query(OPPORTUNITY).findOne({ where: { id: subjectId, publisherId: principal.enterpriseId } });
      if (own) {
        const response = counterpartId ? await strapi.db.query(RESPONSE).findOne({ where: { opportunityId: own.id, responderId: counterpartId } }) : null;
        if (!response) throw invalid({ counterpartId: t('应为响应了该商机的企业', 'must be an enterprise that responded to this opportunity') });
        return { title: own.title, counterpartId };
      }
      const visible = await tenancy().findVisible('received-opportunities', principal, subjectId);
      if (!visible) throw invalid({ subjectId: t('商机不存在或不可见', 'does not exist or is not visible to you') });
      return { title: visible.title, counterpartId: visible.publisherId };
    });
  },
};
