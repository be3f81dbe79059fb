import type { Core } from '@strapi/types';
import type { NotificationType, PermissionKey } from '@cop/config';

export const NOTIFICATION = 'plugin::messaging.notification';

export interface NotificationInput {
  type: NotificationType;
  /** The Chinese title; with titleKey / titleParams (from `titled`) the console renders it in the reader's language. */
  title: string;
  titleKey?: string;
  titleParams?: Record<string, string | number>;
  body?: string;
  link?: string;
}

/** The single inbox: every module notifies enterprises (fanned out to their users) through here. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Notify the active users of an enterprise; with `permission`, only those who hold it
   * (enterprise admins always do). Runs in the caller's transaction when there is one.
   */
  async notifyEnterprise(enterpriseId: number, input: NotificationInput, permission?: PermissionKey) {
    const users = await strapi.db.query('plugin::users-permissions.user').findMany({
      where: { enterpriseId, blocked: false },
      select: ['id', 'isEnterpriseAdmin'],
      populate: { enterpriseRoles: { select: ['permissions'] } },
    });
    const recipients = (users as any[]).filter((user) => !permission || user.isEnterpriseAdmin
      || (user.enterpriseRoles ?? []).some((role: any) => Array.isArray(role.permissions) && role.permissions.includes(permission)));
    if (!recipients.length) return 0;
    await strapi.db.query(NOTIFICATION).createMany({
      data: recipients.map((user) => ({ ...input, userId: user.id, enterpriseId, read: false })),
    });
    // open consoles refresh their unread count once this commits
    strapi.plugin('console').service('events').publish([enterpriseId], { type: 'notification' });
    return recipients.length;
  },

  /**
   * The same notification to many enterprises (an announcement to an audience): users read and rows
   * written in slices of 500, one live event per slice, instead of a round of queries per enterprise.
   */
  async notifyEnterprises(enterpriseIds: number[], input: NotificationInput, permission?: PermissionKey) {
    let written = 0;
    for (let i = 0; i < enterpriseIds.length; i += 500) {
      const slice = enterpriseIds.slice(i, i + 500);
      const users = await strapi.db.query('plugin::users-permissions.user').findMany({
        where: { enterpriseId: { $in: slice }, blocked: false },
        select: ['id', 'enterpriseId', 'isEnterpriseAdmin'],
        populate: { enterpriseRoles: { select: ['permissions'] } },
      });
      const recipients = (users as any[]).filter((user) => !permission || user.isEnterpriseAdmin
        || (user.enterpriseRoles ?? []).some((role: any) => Array.isArray(role.permissions) && role.permissions.includes(permission)));
      for (let j = 0; j < recipients.length; j += 500) {
        await strapi.db.query(NOTIFICATION).createMany({
          data: recipients.slice(j, j + 500).map((user) => ({ ...input, userId: user.id, enterpriseId: user.enterpriseId, read: false })),
        });
      }
      written += recipients.length;
      strapi.plugin('console').service('events').publish([...new Set(recipients.map((user) => user.enterpriseId as number))], { type: 'notification' });
    }
    return written;
  },

  async markRead(userId: number, id: number, now = new Date()) {
    await strapi.db.query(NOTIFICATION).updateMany({ where: { id, userId, read: false }, data: { read: true, readAt: now } });
  },

  /** Marks the user's unread messages read; `where` (the list's filter clauses) limits it to what the list shows. */
  async markAllRead(userId: number, where: Record<string, unknown>[] = [], now = new Date()) {
    const { count } = await strapi.db.query(NOTIFICATION).updateMany({
      where: { $and: [{ userId, read: false }, ...where] },
      data: { read: true, readAt: now },
    });
    return count;
  },
});
