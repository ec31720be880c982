import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { countRows, csvText, loginAs, uploadFile } from '../../test/factories-io';

const t = useTestApp();
const PUDONG = '310115';
const tag = () => randomBytes(3).toString('hex');
const mobile = () => `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
type Candidate = { id: string | null; reason: string };
type Session = Awaited<ReturnType<typeof loginAs>>['session'];

async function makeOrg(session: Session, name: string) {
  const res = await session.send('POST', '/api/organizations', { name, kind: 'enterprise', districtCode: PUDONG, force: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function makePerson(session: Session, body: Record<string, unknown>) {
  const res = await session.send('POST', '/api/people', { districtCode: PUDONG, force: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const check = (session: Session, text: string) => uploadFile(session, '/api/io/import/people/check', 'people.csv', Buffer.from(text));

describe('one write path for people: the form and the import', () => {
  it('find the same duplicate candidates for the same people (name at the organisation, phone, name only)', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const orgName = `探针科技${x}有限公司`;
    const orgId = await makeOrg(session, orgName);
    const phone = mobile();
    const ids = {
      atOrg: await makePerson(session, { name: `王伟${x}`, affiliations: [{ organizationId: orgId, position: '工程师' }] }),
      namesake: await makePerson(session, { name: `王伟${x}`, phone: mobile() }),
      byPhone: await makePerson(session, { name: `李娜${x}`, phone }),
    };
    const probes = [
      { name: `王伟${x}`, org: orgName, orgId, phone: '', expect: [[ids.atOrg, 'name+organization'], [ids.namesake, 'name']] },
      { name: `李娜${x}`, org: '', phone, expect: [[ids.byPhone, 'phone']] },
      { name: `王伟${x}`, org: '', phone: '', expect: [[ids.atOrg, 'name'], [ids.namesake, 'name']] },
    ];
    const res = await check(session, csvText(['姓名', '单位', '手机'], probes.map((p) => [p.name, p.org, p.phone])));
    expect(res.statusCode, res.body).toBe(200);
    const fromImport = (row: number) =>
      (res.json().duplicates.find((d: { row: number }) => d.row === row)?.candidates ?? []).filter((c: Candidate) => c.id).map((c: Candidate) => [c.id, c.reason]);
    for (const [i, p] of probes.entries()) {
      const form = await session.send('POST', '/api/people/duplicates', { name: p.name, organizationIds: p.orgId ? [p.orgId] : undefined, phone: p.phone || undefined });
      expect(form.statusCode, form.body).toBe(200);
      const fromForm = form.json().candidates.map((c: Candidate) => [c.id, c.reason]);
      expect([...fromForm].sort(), p.name).toEqual([...p.expect].sort());
      // the same people, for the same reasons, whichever path asks
      expect([...fromImport(i + 2)].sort(), p.name).toEqual([...fromForm].sort());
    }
  });
});

describe('re-importing people', () => {
  it('an export adds nobody: exact matches are skipped, or updated when asked', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const orgName = `重导科技${x}有限公司`;
    const orgId = await makeOrg(session, orgName);
    const zhao = await makePerson(session, { name: `赵敏${x}`, phone: mobile(), affiliations: [{ organizationId: orgId, position: '总经理' }] });
    await makePerson(session, { name: `钱程${x}`, email: `qian${x}@example.com` });
    await makePerson(session, { name: `孙立${x}` });
    const mine = sql`name like ${`%${x}`}`;
    // the default export masks phones and e-mails (139****5678, q***@example.com): still the same people
    const exported = await session.get(`/api/io/export/people.csv?q=${x}`);
    expect(exported.statusCode).toBe(200);
    const file = exported.rawPayload;
    expect(exported.body).toContain('****');

    const checked = await uploadFile(session, '/api/io/import/people/check', 'export.csv', file);
    expect(checked.json()).toMatchObject({ total: 3, valid: 3, errorCount: 0, matched: 3 });
    const again = await uploadFile(session, '/api/io/import/people?mode=valid', 'export.csv', file);
    expect(again.json()).toMatchObject({ imported: 0, skipped: 3, updated: 0, total: 3, errorCount: 0 });
    expect(await countRows(t.app, 'people', mine)).toBe(3);

    // existing=update: a changed position and a new expertise land in 赵敏's record, still three people
    const text = csvText(['姓名', '单位', '职务', '专长'], [[`赵敏${x}`, orgName, '董事长', `量子计算${x}`]]);
    const update = await uploadFile(session, '/api/io/import/people?mode=valid&existing=update', 'update.csv', Buffer.from(text));
    expect(update.json()).toMatchObject({ imported: 0, skipped: 0, updated: 1 });
    expect(await countRows(t.app, 'people', mine)).toBe(3);
    const detail = (await session.get(`/api/people/${zhao}`)).json();
    expect(detail.expertise).toContain(`量子计算${x}`);
    expect(detail.titles).toContain('董事长');
    expect(detail.titles).not.toContain('总经理');
    // and the search document was rebuilt: the new expertise is findable
    const found = await session.get(`/api/search?q=${encodeURIComponent(`量子计算${x}`)}`);
    expect(JSON.stringify(found.json())).toContain(`赵敏${x}`);
  });

  it('keeps namesakes apart: the same name at another organisation, with another phone or with nothing else is a new person', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const orgA = `甲单位${x}`;
    const orgB = `乙单位${x}`;
    const orgId = await makeOrg(session, orgA);
    await makeOrg(session, orgB);
    await makePerson(session, { name: `张伟${x}`, phone: mobile(), affiliations: [{ organizationId: orgId }] });
    const rows = [
      [`张伟${x}`, orgB, mobile()], // another organisation, another phone
      [`张伟${x}`, '', mobile()], // only another phone
      [`张伟${x}`, orgA, mobile()], // the same organisation but a different mobile: two namesakes there
    ];
    const text = csvText(['姓名', '单位', '手机'], rows);
    const checked = await check(session, text);
    expect(checked.json()).toMatchObject({ total: 3, errorCount: 0, matched: 0 });
    const res = await uploadFile(session, '/api/io/import/people?mode=valid', 'namesakes.csv', Buffer.from(text));
    expect(res.json()).toMatchObject({ imported: 3, skipped: 0, errorCount: 0 });
    // the name only: no 张伟 so far is a bare record, so this is one more
    const bare = await uploadFile(session, '/api/io/import/people?mode=valid', 'bare.csv', Buffer.from(csvText(['姓名'], [[`张伟${x}`]])));
    expect(bare.json()).toMatchObject({ imported: 1, skipped: 0 });
    expect(await countRows(t.app, 'people', sql`name = ${`张伟${x}`}`)).toBe(5);
    // while the same three rows again are the same three people
    const again = await uploadFile(session, '/api/io/import/people?mode=valid', 'namesakes.csv', Buffer.from(text));
    expect(again.json()).toMatchObject({ imported: 0, skipped: 3 });
    expect(await countRows(t.app, 'people', sql`name = ${`张伟${x}`}`)).toBe(5);
  });
});
