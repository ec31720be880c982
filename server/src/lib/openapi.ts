import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../common/schemas/common';
import { CSRF_HEADER, SESSION_COOKIE } from './auth';

type Json = Record<string, unknown>;
type Operation = Json & { operationId?: string; responses?: Record<string, unknown>; requestBody?: unknown };

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `GET /api/organizations/{id}/people` → `getOrganizationsIdPeople` */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const errorResponses: Record<string, string> = {
  400: 'A field is invalid (fields names each one)',
  401: 'No session, or it ended',
  403: 'Not allowed, or the CSRF header is missing',
  404: 'No such record, or not visible to the user',
  409: 'Conflicts with an existing record',
  413: 'Upload or decompressed content too large (the message names the limit)',
  422: 'The file cannot be read or has bad rows',
  429: 'Too many requests',
  500: 'Internal error (the requestId identifies it in the log)',
};

/** Which error statuses an operation can answer. */
function errorStatuses(method: string, path: string, isPublic: boolean, hasInput: boolean): string[] {
  const out = ['500'];
  if (hasInput) out.push('400');
  if (!isPublic) out.push('401', '403');
  if (path.includes('{')) out.push('404');
  if (unsafe.has(method) && !path.startsWith('/api/auth/')) out.push('409');
  if (path.startsWith('/api/io/import/')) out.push('413', '422');
  if (path === '/api/auth/login') out.push('429');
  return out;
}

const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: 'An .xlsx (first sheet) or .csv (UTF-8 or GB18030) file with the template’s Chinese headers; at most 50 MB',
          },
        },
      },
    },
  },
};

/**
 * The API description at /api/openapi.json: the session cookie and the CSRF header as security schemes,
 * an operation id on every operation, the shared error body on every operation, the import routes' upload bodies.
 */
export async function installOpenApi(app: FastifyInstance, info: { title: string; version: string }) {
  await app.register(fastifySwagger, {
    openapi: {
      info,
      tags: [{ name: 'auth' }, { name: 'directory' }, { name: 'admin' }, { name: 'system' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login (httpOnly)' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description: 'The value of the tx_csrf cookie; required on POST, PUT, PATCH and DELETE',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const isPublic = Boolean((input.route.config as { public?: boolean } | undefined)?.public);
      const method = String(Array.isArray(input.route.method) ? input.route.method[0] : input.route.method);
      const security = isPublic ? [] : unsafe.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
      return { ...out, schema: { ...out.schema, security, operationId: operationIdOf(method, input.url) } as typeof out.schema };
    },
    transformObject: (input) => {
      const doc = ('openapiObject' in input ? input.openapiObject : input.swaggerObject) as Json & { paths?: Record<string, Record<string, Operation>>; components?: Json };
      const components = (doc.components ??= {}) as { schemas?: Json };
      components.schemas = { ...components.schemas, Error: z.toJSONSchema(errorBody, { target: 'openapi-3.0' }) };
      for (const [path, ops] of Object.entries(doc.paths ?? {})) {
        for (const [method, op] of Object.entries(ops)) {
          const isPublic = Array.isArray(op.security) && op.security.length === 0;
          const responses = (op.responses ??= {});
          const hasInput = Boolean((op.parameters as unknown[] | undefined)?.length || op.requestBody || path.startsWith('/api/io/import/'));
          for (const status of errorStatuses(method.toUpperCase(), path, isPublic, hasInput)) {
            responses[status] ??= {
              description: errorResponses[status],
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            };
          }
          if (path.startsWith('/api/io/import/') && method === 'post') op.requestBody = uploadBody;
        }
      }
      return doc as never;
    },
  });
}
