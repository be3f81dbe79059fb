import type { Core } from '@strapi/types';
import type { FieldSpec, ResourceDeclaration, VerbInput } from '../types';

type Schema = Record<string, unknown>;

function fieldSchema(spec: FieldSpec): Schema {
  const base: Schema = (() => {
    switch (spec.type) {
      case 'string': case 'text': return { type: 'string', ...(spec.maxLength ? { maxLength: spec.maxLength } : {}), ...(spec.pattern ? { pattern: spec.pattern.source } : {}) };
      case 'email': return { type: 'string', format: 'email' };
      case 'integer': return { type: 'integer', minimum: spec.min ?? -2_147_483_648, maximum: spec.max ?? 2_147_483_647 };
      case 'id': return { type: 'integer', minimum: 1, maximum: 2_147_483_647 };
      case 'money': return { type: 'integer', description: 'amount in fen (分)', minimum: spec.min ?? 0, maximum: spec.max ?? 1_000_000_000_000 };
      case 'boolean': return { type: 'boolean' };
      case 'datetime': return { type: 'string', format: 'date-time' };
      case 'date': return { type: 'string', format: 'date' };
      case 'enum': return { type: 'string', enum: [...(spec.values ?? [])] };
      case 'json': return {};
      case 'ids': return { type: 'array', items: { type: 'integer' } };
      case 'strings': return { type: 'array', items: spec.itemValues ? { type: 'string', enum: [...spec.itemValues] } : { type: 'string' } };
      case 'list': return { type: 'array', maxItems: spec.max ?? 100, items: objectOf(spec.items ?? {}) };
    }
  })();
  if (spec.readOnly) base.readOnly = true;
  // written on create only: an update ignores it (as it ignores read-only fields)
  if (spec.createOnly) base['x-createOnly'] = true;
  if (spec.writeOnly) base.writeOnly = true;
  return base;
}

/** The schema of a body of declared fields (verbs, list items): unknown fields are refused. */
function objectOf(fields: Record<string, FieldSpec>): Schema {
  const properties = Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, fieldSchema(spec)]));
  const required = Object.entries(fields).filter(([, spec]) => spec.required).map(([name]) => name);
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

/** A verb's request body and query parameters, from its declaration. */
function verbParts(declaration: VerbInput & { method?: string }): Schema {
  const out: Schema = {};
  if (declaration.query) {
    out.parameters = Object.entries(declaration.query).map(([name, spec]) => ({ name, in: 'query', required: Boolean(spec.required), schema: fieldSchema(spec) }));
  }
  if ((declaration.method ?? 'POST') === 'POST') {
    const body = objectOf(declaration.body ?? {});
    out.requestBody = declaration.multipart
      ? { required: true, content: { 'multipart/form-data': { schema: { ...body, properties: { ...(body.properties as Schema), file: { type: 'string', format: 'binary' } }, required: ['file'] } } } }
      : { required: Boolean(declaration.body && Object.values(declaration.body).some((spec) => spec.required)), content: { 'application/json': { schema: body } } };
  }
  return out;
}

const errorResponse = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/**
 * The OpenAPI 3.1 document of the platform's own API, derived from the same resource declarations the
 * console controller runs, so it cannot drift from the implementation.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const extraPaths: Record<string, Schema> = {};
  return {
  /** Other plugins' REST routes (e.g. the mini-program API) join the same document. */
  addPaths(paths: Record<string, Schema>) {
    Object.assign(extraPaths, paths);
  },

  document() {
    const resources: ResourceDeclaration[] = strapi.plugin('console').service('registry').all();
    const schemas: Record<string, Schema> = {
      Error: {
        type: 'object', required: ['message', 'code'],
        properties: {
          message: { type: 'string', description: 'In the language of Accept-Language (zh default, en)' },
          code: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Messages per field' },
        },
      },
    };
    const paths: Record<string, Schema> = {
      '/auth/captcha': { get: {
        tags: ['auth'], summary: 'A new single-use image captcha (5 minutes); at most 30 per IP and minute', security: [],
        responses: {
          200: { description: 'captcha', content: { 'application/json': { schema: {
            type: 'object', properties: { captchaId: { type: 'string' }, svg: { type: 'string' } },
          } } } },
          429: errorResponse,
        },
      } },
      '/auth/change-password': {
        post: {
          tags: ['auth'], summary: 'Change my password: a wrong current password counts toward the sign-in lock; older tokens are revoked',
          requestBody: { required: true, content: { 'application/json': { schema: {
            type: 'object', required: ['currentPassword', 'password'],
            properties: {
              currentPassword: { type: 'string' },
              password: { type: 'string', description: '8–64 characters with letters and digits' },
              passwordConfirmation: { type: 'string' },
            },
          } } } },
          responses: {
            200: { description: '{ jwt, user } — the new token', content: { 'application/json': { schema: {
              type: 'object', properties: { jwt: { type: 'string' }, user: { $ref: '#/components/schemas/SessionUser' } },
            } } } },
            400: errorResponse, 401: errorResponse, 429: errorResponse,
          },
        },
      },
      '/auth/logout': { post: {
        tags: ['auth'], summary: 'Sign out: every token of the signed-in user stops working',
        responses: { 204: { description: 'signed out' }, 401: errorResponse },
      } },
      '/auth/local': {
        post: {
          tags: ['auth'], summary: 'Sign in with account name or email, password and captcha', security: [],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['identifier', 'password', 'captchaId', 'captchaCode'], properties: { identifier: { type: 'string' }, password: { type: 'string' }, captchaId: { type: 'string' }, captchaCode: { type: 'string' } } } } } },
          responses: { 200: { description: '{ jwt, user }', content: { 'application/json': { schema: { type: 'object', properties: { jwt: { type: 'string' }, user: { $ref: '#/components/schemas/SessionUser' } } } } } }, 400: errorResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      '/console/session': { get: { tags: ['auth'], summary: 'The signed-in user, its enterprise and permission keys', responses: { 200: { description: 'session', content: { 'application/json': { schema: { $ref: '#/components/schemas/SessionUser' } } } }, 401: errorResponse } } },
    };
    schemas.SessionUser = {
      type: 'object',
      properties: {
        id: { type: 'integer' }, username: { type: 'string' }, email: { type: 'string' }, displayName: { type: 'string' }, isEnterpriseAdmin: { type: 'boolean' },
        enterprise: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, kind: { type: 'string', enum: ['supplier', 'seller', 'both'] } } },
        permissions: { type: 'array', items: { type: 'string' } },
      },
    };
    for (const resource of resources) {
      const name = resource.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
      const properties: Record<string, Schema> = { id: { type: 'integer', readOnly: true } };
      const required: string[] = [];
      for (const [field, spec] of Object.entries(resource.fields)) {
        properties[field] = fieldSchema(spec);
        if (spec.required && !spec.readOnly) required.push(field);
      }
      schemas[name] = { type: 'object', description: `${resource.label.zh} / ${resource.label.en}`, properties, ...(required.length ? { required } : {}) };
      const ref = { $ref: `#/components/schemas/${name}` };
      const ops = resource.operations ?? ['list', 'get', 'create', 'update', 'delete'];
      const filters = Object.entries(resource.fields).filter(([, spec]) => spec.filter).map(([field, spec]) =>
        `${field}${spec.filter === true ? ' (eq, _gte, _lte, _gt, _lt, _neq)' : ` (${(spec.filter as string[]).map((op) => (op === 'eq' ? 'eq' : `_${op}`)).join(', ')})`}`);
      const search = Object.entries(resource.fields).filter(([, spec]) => spec.search).map(([field]) => field);
      const sorts = ['id', ...Object.entries(resource.fields).filter(([, spec]) => spec.sort).map(([field]) => field)];
      const tag = resource.name;
      const collection: Schema = {};
      const item: Schema = {};
      const permission = (key: string | null) => (key ? ` Requires permission \`${key}\`.` : '');
      if (ops.includes('list')) {
        collection.get = {
          tags: [tag], summary: `List ${resource.label.en} (${resource.label.zh})`,
          description: `ra-data-simple-rest list. Filters: ${filters.join('; ') || 'none'}${search.length ? `; q searches ${search.join(', ')}` : ''}; id: [ids] for getMany. Sort by: ${sorts.join(', ')}.${permission(resource.permissions.read)}`,
          parameters: [
            { name: 'filter', in: 'query', schema: { type: 'string' }, description: 'JSON object, e.g. {"q":"张","createdAt_gte":"2026-01-01"}' },
            { name: 'range', in: 'query', schema: { type: 'string' }, description: 'JSON [start, end], inclusive, at most 1000 rows' },
            { name: 'sort', in: 'query', schema: { type: 'string' }, description: 'JSON ["field", "ASC"|"DESC"]' },
          ],
          responses: { 200: { description: 'Records; the total is in Content-Range: <resource> start-end/total', headers: { 'Content-Range': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'array', items: ref } } } }, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        };
      }
      if (ops.includes('create')) {
        collection.post = { tags: [tag], summary: `Create`, description: permission(resource.permissions.write), requestBody: { required: true, content: { 'application/json': { schema: ref } } }, responses: { 201: { description: 'Created', content: { 'application/json': { schema: ref } } }, 400: errorResponse, 403: errorResponse } };
      }
      if (ops.includes('get')) item.get = { tags: [tag], summary: 'Get one', responses: { 200: { description: 'Record', content: { 'application/json': { schema: ref } } }, 404: errorResponse } };
      if (ops.includes('update')) item.put = { tags: [tag], summary: 'Update (the whole record; read-only fields are ignored)', description: permission(resource.permissions.write), requestBody: { required: true, content: { 'application/json': { schema: ref } } }, responses: { 200: { description: 'Record', content: { 'application/json': { schema: ref } } }, 400: errorResponse, 404: errorResponse } };
      if (ops.includes('delete')) item.delete = { tags: [tag], summary: 'Delete; returns the deleted record', description: permission(resource.permissions.write), responses: { 200: { description: 'Record', content: { 'application/json': { schema: ref } } }, 404: errorResponse, 409: errorResponse } };
      const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];
      if (Object.keys(collection).length) paths[`/console/${resource.name}`] = collection;
      if (Object.keys(item).length) paths[`/console/${resource.name}/{id}`] = { parameters: idParam, ...item };
      for (const [action, declaration] of Object.entries(resource.actions ?? {})) {
        paths[`/console/${resource.name}/{id}/${action}`] = { parameters: idParam, [(declaration.method ?? 'POST').toLowerCase()]: { tags: [tag], summary: `Verb: ${action}`, description: permission(declaration.permission), ...verbParts(declaration), responses: { 200: { description: 'The record after the verb', content: { 'application/json': { schema: ref } } }, 400: errorResponse, 404: errorResponse } } };
      }
      for (const [action, declaration] of Object.entries(resource.collectionActions ?? {})) {
        paths[`/console/${resource.name}/${action}`] = { [declaration.method.toLowerCase()]: { tags: [tag], summary: `Collection verb: ${action}`, description: permission(declaration.permission), ...verbParts(declaration), responses: { 200: { description: 'Result' }, 400: errorResponse } } };
      }
    }
    return {
      openapi: '3.1.0',
      info: { title: '协同运营平台 API', version: '0.1.0', description: 'Console API (ra-data-simple-rest protocol) and sign-in. Send Authorization: Bearer <jwt> and Accept-Language (zh-CN or en). Money is integer fen.' },
      servers: [{ url: '/api' }],
      security: [{ bearer: [] }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas },
      paths: { ...paths, ...extraPaths },
    };
  },
  };
};
