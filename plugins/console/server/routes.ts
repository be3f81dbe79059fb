/**
 * The console API (ra-data-simple-rest): /api/console/<resource>[/<id>[/<action>]].
 * Authentication is done by the identity plugin's principal service inside the controller,
 * so `auth: false` here only turns off users-permissions' role table for these routes.
 */
const open = { auth: false as const, prefix: '' };
const route = (method: string, path: string, handler: string) => ({ method, path, handler: `resource.${handler}`, config: open });

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: open },
      route('GET', '/console/session', 'session'),
      route('GET', '/console/events', 'events'),
      route('GET', '/console/:resource', 'find'),
      route('POST', '/console/:resource', 'create'),
      route('GET', '/console/:resource/:id(\\d+)', 'findOne'),
      route('PUT', '/console/:resource/:id(\\d+)', 'update'),
      route('DELETE', '/console/:resource/:id(\\d+)', 'delete'),
      route('POST', '/console/:resource/:id(\\d+)/:action', 'recordAction'),
      route('GET', '/console/:resource/:id(\\d+)/:action', 'recordAction'),
      route('GET', '/console/:resource/:action([a-z][a-z0-9-]*)', 'collectionAction'),
      route('POST', '/console/:resource/:action([a-z][a-z0-9-]*)', 'collectionAction'),
    ],
  },
};
