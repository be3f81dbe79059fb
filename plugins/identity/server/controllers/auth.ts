import type { Core } from '@strapi/types';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async captcha(ctx: any) {
    ctx.set('Cache-Control', 'no-store');
    const signIn = strapi.plugin('identity').service('sign-in');
    await signIn.limitCaptchas(ctx.request.ip);
    ctx.body = await signIn.createCaptcha();
  },
  async signIn(ctx: any) {
    ctx.body = await strapi.plugin('identity').service('sign-in').signIn(ctx.request.body);
  },
});
