import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/build-test-app';
import { loginAs, makeOrganization, makeUser, type Session } from '../test/factories';

/**
 * Every operation of the OpenAPI document, as admin, with bodies, query strings and paths generated from its
 * schemas and salted with what broke the server before: NUL bytes, lone surrogates, zero-width and
 * bidirectional characters, very long strings, wrong types, empty bodies. Whatever comes in, never a 5xx.
 */
const t = useTestApp();

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  maxLength?: number;
};
interface Parameter {
  name: string;
  in: 'query' | 'path';
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const nastyChars = ['\u0000', '\ud800', '\udfff', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u0007', '\u001b', '\u009f', '\uffff'];
const nastyString = fc.oneof(
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...nastyChars), fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', 'x'.repeat(6000), '名'.repeat(400), "'; drop table users; --", '%', '_', '\\', '1e309', '-0', 'null'),
);
const anything = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { a: '\u0000' }),
  fc.integer(),
  fc.double(),
);

const valueFor = (s: Schema | undefined, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> => {
  if (!s || depth > 4) return anything;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => valueFor(v, ids, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  let good: fc.Arbitrary<unknown>;
  if (s.enum) good = fc.constantFrom(...s.enum);
  else if (type === 'string' && s.format === 'uuid') good = ids;
  else if (type === 'string' && s.format === 'date') good = fc.constantFrom('2024-02-29', '2023-02-29', '1900-01-01');
  else if (type === 'string') good = fc.oneof(nastyString, fc.string({ maxLength: s.maxLength ?? 30 }));
  else if (type === 'integer') good = fc.oneof(fc.integer(), fc.constantFrom(0, 1, 2 ** 31, -(2 ** 53)));
  else if (type === 'number') good = fc.oneof(fc.double(), fc.constantFrom(121.5, 31.2, 0));
  else if (type === 'boolean') good = fc.boolean();
  else if (type === 'array') good = fc.array(valueFor(s.items, ids, depth + 1), { maxLength: 3 });
  else if (type === 'object' && s.properties) {
    const entries = Object.entries(s.properties).map(([k, v]) => [k, valueFor(v, ids, depth + 1)] as const);
    good = fc.record(Object.fromEntries(entries), { requiredKeys: [] });
  } else good = anything;
  // mostly well-typed values (to get past the first checks), sometimes anything at all
  return fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: anything, weight: 1 }, ...(s.nullable ? [fc.constant(null)] : []));
};

interface Target {
  method: string;
  path: string;
  op: Operation;
}

describe('fuzzing every operation as admin', () => {
  let admin: Session;
  const known: Record<string, string[]> = {};
  let targets: Target[] = [];

  beforeAll(async () => {
    admin = (await loginAs(t.app, { role: 'admin' })).session;
    // `{ id, … }` or `{ network: { id, … } }`
    const idOf = (b: Record<string, unknown>) =>
      typeof b.id === 'string' ? b.id : String((Object.values(b).find((v) => typeof v === 'object' && v && 'id' in v) as { id: string }).id);
    const org = await makeOrganization(t.app);
    const other = await makeOrganization(t.app);
    const spare = await makeUser(t.app, { role: 'viewer' });
    const person = (await admin.send('POST', '/api/people', { name: '模糊测试人', force: true })).json();
    const network = (await admin.send('POST', '/api/networks', { name: `模糊测试网络${Date.now()}`, kind: 'alliance' })).json();
    const networkId = idOf(network);
    const member = (await admin.send('POST', `/api/networks/${networkId}/members`, { organizationId: org.id, tier: 'member' })).json();
    const industry = (await admin.send('POST', '/api/industries', { name: `模糊产业${Date.now()}` })).json();
    const place = (await admin.send('POST', '/api/places', { name: '模糊地点', kind: 'park' })).json();
    known.organizations = [org.id, other.id];
    known.people = [idOf(person)];
    known.networks = [networkId];
    known.members = [idOf(member)];
    known.industries = [idOf(industry)];
    known.places = [idOf(place)];
    known.users = [spare.id];

    const doc = (await admin.get('/api/openapi.json')).json<OpenApi>();
    targets = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })))
      // logging out would end the fuzzer's own session
      .filter((x) => x.path !== '/api/auth/logout');
    // deletions last, so that the other operations meet existing records
    targets.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  }, 60_000);

  const idsFor = (path: string, param: string) => {
    const area = param === 'membershipId' ? 'members' : /\/api\/(?:admin\/)?(\w+)/.exec(path)?.[1] ?? '';
    const mine = known[area] ?? [];
    return fc.oneof(fc.constantFrom(...mine, ...Object.values(known).flat()), fc.uuid());
  };

  const pathArbitrary = (target: Target) => {
    const params = (target.op.parameters ?? []).filter((p) => p.in === 'path');
    const parts = Object.fromEntries(
      params.map((p) => [p.name, p.schema.enum ? fc.oneof(fc.constantFrom(...p.schema.enum.map(String)), nastyString) : idsFor(target.path, p.name)]),
    );
    return fc.record(parts).map((vals) =>
      target.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String((vals as Record<string, unknown>)[name]))),
    );
  };

  const queryArbitrary = (target: Target) => {
    const params = (target.op.parameters ?? []).filter((p) => p.in === 'query');
    const entries = params.map((p) => [p.name, valueFor(p.schema, idsFor(target.path, p.name)).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))] as const);
    return fc.record(Object.fromEntries(entries), { requiredKeys: [] }).map((q) => {
      const s = new URLSearchParams(q as Record<string, string>).toString();
      return s ? `?${s}` : '';
    });
  };

  const call = async (method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    method === 'GET' ? admin.get(url) : admin.send(method as 'POST', url, payload);

  it('never answers 5xx, whatever the body, query string or path holds', async () => {
    const failures: string[] = [];
    for (const target of targets) {
      const bodySchema = target.op.requestBody?.content['application/json']?.schema;
      const multipart = Boolean(target.op.requestBody?.content['multipart/form-data']);
      const body = bodySchema ? fc.oneof({ arbitrary: valueFor(bodySchema, idsFor(target.path, 'id')), weight: 5 }, { arbitrary: anything, weight: 1 }) : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(pathArbitrary(target), queryArbitrary(target), body, async (path, query, payload) => {
          const res = multipart
            ? await t.app.inject({
                method: 'POST',
                url: path + query,
                headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'multipart/form-data; boundary=fz' },
                payload: `--fz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n名称,类型\r\n${String(payload ?? 'x')},企业\r\n--fz--\r\n`,
              })
            : await call(target.method, path + query, payload);
          if (res.statusCode >= 500) failures.push(`${target.method} ${path}${query} ${JSON.stringify(payload)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          return res.statusCode < 500;
        }),
        { numRuns: target.method === 'GET' ? 12 : 20 },
      ).catch(() => undefined); // collect every operation's failure, then report them together
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers 400 naming the field for a NUL byte in every text field of every body and in ?q=', async () => {
    const failures: string[] = [];
    for (const target of targets) {
      const schema = target.op.requestBody?.content['application/json']?.schema;
      const textFields = Object.entries(schema?.properties ?? {}).filter(([, s]) => (Array.isArray(s.type) ? s.type.includes('string') : s.type === 'string') && !s.enum && !s.format);
      const path = target.path.replace(/\{(\w+)\}/g, (_m, n: string) => (n === 'kind' ? 'organizations' : n === 'file' ? 'organizations.csv' : known.organizations![0]!));
      for (const [field] of textFields) {
        const res = await call(target.method, path, { [field]: 'a\u0000b' });
        if (res.statusCode !== 400 || !res.json().fields?.some((f: { path: string }) => f.path === field)) {
          failures.push(`${target.method} ${target.path} ${field} → ${res.statusCode}`);
        }
      }
      if ((target.op.parameters ?? []).some((p) => p.name === 'q') && target.method === 'GET') {
        const res = await call('GET', `${path}?q=a%00b`);
        if (res.statusCode !== 400 || res.json().fields?.[0]?.path !== 'q') failures.push(`${target.method} ${target.path}?q=a%00b → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers a lone surrogate and an empty body with a 4xx on every operation that takes a body', async () => {
    const failures: string[] = [];
    for (const target of targets.filter((x) => x.op.requestBody?.content['application/json'])) {
      const path = target.path.replace(/\{(\w+)\}/g, (_m, n: string) => (n === 'membershipId' ? known.members![0]! : n === 'id' && target.path.startsWith('/api/networks') ? known.networks![0]! : known.organizations![0]!));
      for (const payload of [{}, { name: 'x\ud800y', description: '\udc00' }]) {
        const res = await call(target.method, path, payload);
        if (res.statusCode >= 500) failures.push(`${target.method} ${target.path} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
