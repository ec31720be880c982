import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/build-test-app';

const t = useTestApp();

interface Operation {
  security?: unknown[];
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const someId = '00000000-0000-4000-8000-000000000001';
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'kind' ? 'organizations' : name === 'file' ? 'organizations.csv' : someId));

/** Ways of writing the same route that a check on the raw URL would not recognise. */
const disguises: [string, (path: string) => string][] = [
  ['encoded prefix /%61pi', (p) => p.replace(/^\/api\//, '/%61pi/')],
  ['encoded prefix /%61%70%69', (p) => p.replace(/^\/api\//, '/%61%70%69/')],
  ['encoded letter after /api/', (p) => p.replace(/^\/api\/(.)/, (_m, c: string) => `/api/%${c.charCodeAt(0).toString(16)}`)],
  ['encoded slash', (p) => p.replace(/^\/api\//, '/api%2F')],
  ['double-encoded prefix', (p) => p.replace(/^\/api\//, '/%2561pi/')],
  ['double slash', (p) => `/${p}`],
  ['dot segment', (p) => p.replace(/^\/api\//, '/api/./')],
];

describe('authentication is decided on the matched route, not the raw URL', () => {
  it('answers 401 without a session for every non-public operation of the OpenAPI document, however the path is written', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), isPublic: Array.isArray(op.security) && op.security.length === 0 })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const publicOnes = operations.filter((o) => o.isPublic).map((o) => `${o.method} ${o.path}`);
    expect(publicOnes.sort()).toEqual(
      [
        'GET /api/health',
        'POST /api/auth/login',
        // events (issue 7): the public calendar and feeds, the public event page, registration and self check-in
        'GET /api/events.ics',
        'GET /api/public/events',
        'GET /api/public/events/{id}',
        'GET /api/public/networks/{id}/events.ics',
        'GET /api/public/registrations/{code}',
        'GET /api/public/registrations/{code}/events.ics',
        'POST /api/public/check-in',
        'POST /api/public/events/{id}/registrations',
        'POST /api/public/registrations/{code}/cancel',
        // the map (issue 8): a published area's embeddable read-only map
        'GET /api/public/map/areas/{id}',
        // the optional tile setting (holds no data: a URL template and its datum)
        'GET /api/public/map/tiles',
        // needs (issue 6): an enterprise registers itself (rate-limited), a coordinator approves
        'POST /api/public/enterprise-registrations',
      ].sort(),
    );

    const leaks: string[] = [];
    for (const op of operations.filter((o) => !o.isPublic)) {
      const path = concrete(op.path);
      const plain = await t.app.inject({ method: op.method as 'GET', url: path });
      if (plain.statusCode !== 401) leaks.push(`${op.method} ${path} → ${plain.statusCode}`);
      for (const [name, disguise] of disguises) {
        const url = disguise(path);
        const res = await t.app.inject({ method: op.method as 'GET', url });
        // either the route was recognised (and wants a session) or nothing was matched: never data, never a crash
        const matchedRoute = res.statusCode === 401;
        const nothing = res.statusCode === 404 || (op.method === 'GET' && res.headers['content-type']?.toString().startsWith('text/html'));
        if (!matchedRoute && !nothing) leaks.push(`${name}: ${op.method} ${url} → ${res.statusCode}`);
        if (name.startsWith('encoded prefix') && res.statusCode !== 401) leaks.push(`${name}: ${op.method} ${url} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('still serves the examples of the report: /%61pi/industries and friends are 401 without a cookie', async () => {
    for (const url of ['/%61pi/industries', '/%61pi/stats/overview', '/%61pi/industries/chain', '/%61pi/io/templates/people']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('AUTH_REQUIRED');
    }
  });
});
