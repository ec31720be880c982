import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/build-test-app';

const t = useTestApp();

type Op = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { format?: string }> } }> };
};

describe('the API description', () => {
  it('describes the session cookie and CSRF header, an id and the shared error body on every operation, and the upload bodies', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      components: { securitySchemes: Record<string, { type: string; in: string; name: string }>; schemas: Record<string, unknown> };
      paths: Record<string, Record<string, Op>>;
    }>();
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'tx_session' });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    expect(doc.components.schemas.Error).toBeDefined();

    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.operationId, where).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        expect(ids.has(op.operationId!), `${where}: duplicate id`).toBe(false);
        ids.add(op.operationId!);
        const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        expect(errors.length, where).toBeGreaterThan(0);
        expect(op.responses['500']?.content?.['application/json']?.schema.$ref, where).toBe('#/components/schemas/Error');
        const isPublic = op.security?.length === 0;
        if (!isPublic) expect(op.responses['401'], where).toBeDefined();
        if (!isPublic && method !== 'get') expect(op.security, where).toEqual([{ session: [], csrf: [] }]);
        if (method === 'delete') expect(op.requestBody, `${where} has a body`).toBeUndefined();
      }
    }
    for (const path of ['/api/io/import/{kind}', '/api/io/import/{kind}/check']) {
      const body = doc.paths[path]!.post!.requestBody!;
      expect(body.content['multipart/form-data']!.schema.properties!.file!.format).toBe('binary');
      expect(doc.paths[path]!.post!.responses['413']).toBeDefined();
    }
  });
});
