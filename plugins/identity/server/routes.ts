export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/auth/captcha', handler: 'auth.captcha', config: { auth: false, prefix: '' } },
    ],
  },
};
