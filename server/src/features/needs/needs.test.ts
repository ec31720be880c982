import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../../../common/shanghai-date';
import { createJobRunner } from '../../lib/jobs';
import { useTestApp } from '../../test/build-test-app';
import { login, loginAs, makeIndustry, makeOrganization, makePerson, tagOrganization, type Session } from '../../test/factories';
import { needJobHandlers } from './need-reminders';

const t = useTestApp();
const PUDONG = '310115';
const MINHANG = '310112';
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

async function coordinator(district = PUDONG) {
  return (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: district }] })).session;
}

let seq = 0;
/** An account invited by a coordinator, logged in. */
async function invited(coord: Session, kind: 'enterprise' | 'expert', targetId: string) {
  const username = `${kind}_${Date.now().toString(36)}${seq++}`;
  const body = { username, displayName: `${kind} 测试`, password: 'Invited-Passw0rd', ...(kind === 'enterprise' ? { organizationId: targetId } : { personId: targetId }) };
  const res = await coord.send('POST', `/api/needs-accounts/${kind}`, body);
  expect(res.statusCode, res.body).toBe(201);
  return login(t.app, username, 'Invited-Passw0rd');
}

describe('needs: one need from submission to a confirmed, rated result', () => {
  it('walks the workflow with ranked, explained matches, and keeps every step on the timeline', async () => {
    const coord = await coordinator();
    const ic = await makeIndustry(t.app, '集成电路（测试）');
    const org = await makeOrganization(t.app, { name: '金桥芯片测试企业', districtCode: PUDONG });
    const ent = await invited(coord, 'enterprise', org.id);
    const expertPerson = await makePerson(t.app, { name: '王芯测', districtCode: PUDONG, roles: ['expert'] });
    await t.app.services.db.execute(sql`update search_documents set industry_ids = array[${ic.id}::uuid],
      tokens = tokens || to_tsvector('simple', '芯片 封装 测试')
      where entity_id = ${expertPerson.id}`);
    const insider = await makePerson(t.app, {
      name: '李内部',
      districtCode: PUDONG,
      affiliations: [{ organizationId: org.id, organizationName: org.name, position: '总工程师' }],
    });
    await t.app.services.db.execute(sql`update search_documents set tokens = tokens || to_tsvector('simple', '芯片 封装') where entity_id = ${insider.id}`);
    const expert = await invited(coord, 'expert', expertPerson.id);

    // the enterprise submits; the organisation is its own, whatever it sends
    const created = await ent.send('POST', '/api/needs', { category: 'technology', title: '芯片封装测试工艺难题', description: '需要封装测试方面的专家', industryIds: [ic.id] });
    expect(created.statusCode, created.body).toBe(201);
    const need = created.json();
    expect(need).toMatchObject({ status: 'submitted', organizationId: org.id, districtCode: PUDONG, overdue: null });
    expect(need.respondBy > shanghaiToday()).toBe(true);

    // similar open needs of the same enterprise show while typing
    const similar = (await ent.get(`/api/needs/similar?title=${encodeURIComponent('封装测试')}`)).json();
    expect(similar.map((n: { id: string }) => n.id)).toContain(need.id);

    // only the coordinator accepts; the enterprise may not
    expect((await ent.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' })).statusCode).toBe(403);
    expect((await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' })).json().status).toBe('accepted');

    // ranked, explained matches: the expert with terms, industry and district; the insider excluded (conflict of interest)
    const matches = (await coord.get(`/api/needs/${need.id}/matches?type=person`)).json();
    const top = matches.items.find((m: { entityId: string }) => m.entityId === expertPerson.id);
    expect(top).toBeDefined();
    expect(top.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['terms', 'industry', 'district']));
    expect(top.terms.map((x: { term: string }) => x.term)).toEqual(expect.arrayContaining(['封装']));
    expect(top.parts.industry).toBeGreaterThan(0);
    expect(matches.items.map((m: { entityId: string }) => m.entityId)).not.toContain(insider.id);
    expect((await ent.get(`/api/needs/${need.id}/matches`)).statusCode).toBe(403);
    // assigning the insider is refused too
    const conflict = await coord.send('POST', `/api/needs/${need.id}/assignments`, { candidates: [{ personId: insider.id }] });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json().fields[0].path).toBe('candidates.0');

    // the expert sees nothing before the assignment
    expect((await expert.get(`/api/needs/${need.id}`)).statusCode).toBe(404);
    const assigned = await coord.send('POST', `/api/needs/${need.id}/assignments`, { candidates: [{ personId: expertPerson.id, score: top.score }] });
    expect(assigned.json().status).toBe('matched');
    const inbox = (await expert.get('/api/inbox')).json();
    expect(inbox.items.some((i: { kind: string; needId: string }) => i.kind === 'assigned' && i.needId === need.id)).toBe(true);
    const detail = (await expert.get(`/api/needs/${need.id}`)).json();
    const mine = detail.assignments.find((a: { mine: boolean }) => a.mine);
    expect(mine).toBeDefined();
    expect((await expert.get('/api/needs?assignedToMe=true')).json().items.map((n: { id: string }) => n.id)).toEqual([need.id]);

    // the expert accepts, records the service and resolves
    const started = await expert.send('POST', `/api/needs/${need.id}/assignments/${mine.id}/answer`, { accept: true });
    expect(started.json().status).toBe('in_service');
    const rec = await expert.send('POST', `/api/needs/${need.id}/service-records`, { servedOn: shanghaiToday(), kind: 'technology', hours: 3, peopleServed: 5, outcome: '完成封装工艺诊断' });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await expert.send('POST', `/api/needs/${need.id}/steps`, { action: 'resolve' })).json().status).toBe('resolved');

    // the enterprise confirms with a rating (a rating is required)
    const noRating = await ent.send('POST', `/api/needs/${need.id}/steps`, { action: 'confirm' });
    expect(noRating.statusCode).toBe(400);
    expect(noRating.json().fields[0].path).toBe('rating');
    expect((await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'confirm', rating: 5 })).statusCode).toBe(403);
    const confirmed = await ent.send('POST', `/api/needs/${need.id}/steps`, { action: 'confirm', rating: 5, note: '专家很专业' });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', rating: 5, ratingComment: '专家很专业' });

    const final = (await ent.get(`/api/needs/${need.id}`)).json();
    expect(final.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'assign', 'start', 'service', 'resolve', 'confirm']);
    expect(final.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual(['submitted', 'accepted', 'matched', 'in_service', 'in_service', 'resolved', 'confirmed']);
    expect(final.serviceRecords[0]).toMatchObject({ providers: ['王芯测'], peopleServed: 5 });
    expect(final.allowedActions).toEqual([]);
    // every step has its audit entry
    const audit = rows<{ n: number }>(await t.app.services.db.execute(sql`select count(*)::int as n from audit_log where entity = 'need' and entity_id = ${need.id}`));
    expect(audit[0]!.n).toBe(6);

    // a past service now counts for the expert on a new need of the same category
    const next = (await ent.send('POST', '/api/needs', { category: 'technology', title: '芯片封装二期测试', industryIds: [ic.id] })).json();
    await coord.send('POST', `/api/needs/${next.id}/steps`, { action: 'accept' });
    const again = (await coord.get(`/api/needs/${next.id}/matches?type=person`)).json().items.find((m: { entityId: string }) => m.entityId === expertPerson.id);
    expect(again.reasons).toEqual(expect.arrayContaining([{ code: 'past', params: { n: 1 } }, { code: 'rating', params: { value: 5 } }]));
  });

  it('a decline with a reason returns the need to matching; withdrawal ends it before resolution', async () => {
    const coord = await coordinator();
    const org = await makeOrganization(t.app, { districtCode: PUDONG });
    const p = await makePerson(t.app, { districtCode: PUDONG });
    const expert = await invited(coord, 'expert', p.id);
    const need = (await coord.send('POST', '/api/needs', { organizationId: org.id, category: 'legal', title: '合同纠纷法律咨询' })).json();
    await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' });
    await coord.send('POST', `/api/needs/${need.id}/assignments`, { candidates: [{ personId: p.id }] });
    const a = (await expert.get(`/api/needs/${need.id}`)).json().assignments[0];
    const noReason = await expert.send('POST', `/api/needs/${need.id}/assignments/${a.id}/answer`, { accept: false });
    expect(noReason.json().fields[0].path).toBe('reason');
    const declined = await expert.send('POST', `/api/needs/${need.id}/assignments/${a.id}/answer`, { accept: false, reason: '近期出差' });
    expect(declined.json().status).toBe('accepted');
    // the expert no longer sees it
    expect((await expert.get(`/api/needs/${need.id}`)).statusCode).toBe(404);
    expect((await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'withdraw', note: '企业已自行解决' })).json().status).toBe('withdrawn');
    expect((await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' })).statusCode).toBe(409);
    const tl = (await coord.get(`/api/needs/${need.id}`)).json().timeline;
    expect(tl.find((e: { action: string }) => e.action === 'decline')).toMatchObject({ fromStatus: 'matched', toStatus: 'accepted', note: '近期出差' });
  });
});

describe('needs visibility', () => {
  it('401 without a session; another enterprise and another district get 404; an enterprise lists only its own', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/needs' })).statusCode).toBe(401);
    const coord = await coordinator();
    const a = await makeOrganization(t.app, { districtCode: PUDONG });
    const b = await makeOrganization(t.app, { districtCode: PUDONG });
    const entA = await invited(coord, 'enterprise', a.id);
    const entB = await invited(coord, 'enterprise', b.id);
    const need = (await entA.send('POST', '/api/needs', { category: 'financing', title: '首轮融资对接银行' })).json();
    const needB = (await entB.send('POST', '/api/needs', { category: 'ip', title: '专利布局咨询服务' })).json();
    expect((await entB.get(`/api/needs/${need.id}`)).statusCode).toBe(404);
    expect((await entB.send('POST', `/api/needs/${need.id}/steps`, { action: 'withdraw' })).statusCode).toBe(404);
    expect((await entA.get('/api/needs')).json().items.map((n: { id: string }) => n.id)).toEqual([need.id]);
    // an enterprise cannot submit for another organisation
    expect((await entA.send('POST', '/api/needs', { organizationId: b.id, category: 'ip', title: '冒名提交诉求' })).statusCode).toBe(403);

    const minhang = await coordinator(MINHANG);
    expect((await minhang.get(`/api/needs/${need.id}`)).statusCode).toBe(404);
    expect((await minhang.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' })).statusCode).toBe(404);
    expect((await minhang.get(`/api/needs/${need.id}/matches`)).statusCode).toBe(404);
    expect((await minhang.get('/api/needs?pageSize=200')).json().items.map((n: { id: string }) => n.id)).not.toContain(needB.id);
    // a coordinator of another district may not record a need there
    const rec = await minhang.send('POST', '/api/needs', { organizationId: a.id, category: 'ip', title: '跨区录入诉求' });
    expect(rec.statusCode).toBe(400);
    // a viewer of the district reads but takes no step
    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await viewer.get(`/api/needs/${need.id}`)).json().allowedActions).toEqual([]);
    expect((await viewer.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' })).statusCode).toBe(403);
  });
});

describe('deadlines, reminders and escalation', () => {
  it('an overdue need shows in the list filter, and its escalation lands once in the inbox even with two runners', async () => {
    const coordUser = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const org = await makeOrganization(t.app, { districtCode: PUDONG });
    const need = (await coordUser.session.send('POST', '/api/needs', { organizationId: org.id, category: 'policy', title: '政策申报咨询超期测试' })).json();
    // the deadline passed: move it (and its jobs) into the past
    const db = t.app.services.db;
    await db.execute(sql`update needs set respond_by = '2020-01-02' where id = ${need.id}`);
    await db.execute(sql`update jobs set run_at = now() - interval '1 minute', payload = jsonb_set(payload, '{day}', '"2020-01-02"')
      where payload->>'needId' = ${need.id} and payload->>'which' = 'respond'`);
    const overdue = (await coordUser.session.get('/api/needs?overdue=true&pageSize=200')).json();
    expect(overdue.items.find((n: { id: string }) => n.id === need.id)).toMatchObject({ overdue: 'respond' });
    expect((await coordUser.session.get('/api/needs?overdue=false&pageSize=200')).json().items.map((n: { id: string }) => n.id)).not.toContain(need.id);

    const r1 = createJobRunner(db, { handlers: needJobHandlers, workerId: 'one' });
    const r2 = createJobRunner(db, { handlers: needJobHandlers, workerId: 'two' });
    const [n1, n2] = await Promise.all([r1.runDue(), r2.runDue()]);
    expect(n1 + n2).toBeGreaterThanOrEqual(2);
    await r1.runDue();
    const inbox = (await coordUser.session.get('/api/inbox')).json();
    const mineEsc = inbox.items.filter((i: { kind: string; needId: string }) => i.kind === 'escalated' && i.needId === need.id);
    expect(mineEsc).toHaveLength(1);
    expect(inbox.items.filter((i: { kind: string; needId: string }) => i.kind === 'due' && i.needId === need.id)).toHaveLength(1);
    expect((await admin.get('/api/inbox')).json().items.some((i: { kind: string; needId: string }) => i.kind === 'escalated' && i.needId === need.id)).toBe(true);
    // answered in time: the resolve jobs stay pending, the respond jobs are done
    const left = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from jobs where payload->>'needId' = ${need.id} and done_at is null`));
    expect(left[0]!.n).toBe(2);
  });

  it('working days skip weekends and holidays and count 调休 Saturdays; the calendar imports from CSV naming bad rows', async () => {
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const bad = await admin.send('POST', '/api/work-calendar/import', { csv: '日期,类型,名称\n2026-10-01,休,国庆节\n2026-13-01,休,坏日期\n2026-10-11,加班,?' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['第 3 行 / row 3 / 日期', '第 4 行 / row 4 / 类型']);
    expect((await admin.get('/api/work-calendar?year=2026')).json()).toEqual([]);
    const csv = ['日期,类型,名称', ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2026-10-${d},休,国庆节`), '2026-09-28,班,国庆调休', '2026-10-10,班,国庆调休'].join('\n');
    expect((await admin.send('POST', '/api/work-calendar/import', { csv })).json()).toEqual({ imported: 10 });
    const { addWorkingDays, loadExceptions } = await import('./work-calendar');
    const ex = await loadExceptions(t.app.services.db, '2026-09-25');
    // Fri 25 Sep + 1 → Sun 28 Sep (调休 working); + 3 → Wed 30 Sep; + 4 → Fri 9 Oct; + 5 → Sat 10 Oct (调休)
    expect(addWorkingDays('2026-09-25', 1, ex)).toBe('2026-09-28');
    expect(addWorkingDays('2026-09-25', 3, ex)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-25', 4, ex)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-25', 5, ex)).toBe('2026-10-10');
    const coord = await coordinator();
    expect((await coord.send('PUT', '/api/work-calendar', { day: '2026-05-01', working: false, name: '劳动节' })).statusCode).toBe(403);
    expect((await admin.send('PUT', '/api/work-calendar', { day: '2026-05-01', working: false, name: '劳动节' })).statusCode).toBe(204);
    expect(addWorkingDays('2026-04-30', 1, await loadExceptions(t.app.services.db, '2026-04-30'))).toBe('2026-05-04');
  });
});

describe('attachments', () => {
  it('stores files in the database, type checked by content not by name', async () => {
    const coord = await coordinator();
    const org = await makeOrganization(t.app, { districtCode: PUDONG });
    const ent = await invited(coord, 'enterprise', org.id);
    const need = (await ent.send('POST', '/api/needs', { category: 'ip', title: '商标侵权取证咨询' })).json();
    const upload = (name: string, data: Buffer) => {
      const boundary = '----tx' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/needs/${need.id}/attachments`,
        payload: body,
        headers: { cookie: ent.cookie, 'x-csrf-token': ent.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const pdf = await upload('证据.pdf', Buffer.from('%PDF-1.4\n%test\n'));
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mediaType: 'application/pdf', fileName: '证据.pdf' });
    const exe = await upload('伪装.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().fields[0].path).toBe('file');
    const got = await ent.get(`/api/needs/${need.id}/attachments/${pdf.json().id}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.body.startsWith('%PDF-1.4')).toBe(true);
    const other = await invited(coord, 'enterprise', (await makeOrganization(t.app, { districtCode: PUDONG })).id);
    expect((await other.get(`/api/needs/${need.id}/attachments/${pdf.json().id}`)).statusCode).toBe(404);
  });

  it('tags: the matching reads an organisation tagged with a neighbouring industry', async () => {
    const coord = await coordinator();
    const chain = await makeIndustry(t.app, '新能源（测试）');
    const child = await makeIndustry(t.app, { name: '储能（测试）', parentId: chain.id });
    const bank = await makeOrganization(t.app, { name: '浦东测试银行', kind: 'bank', districtCode: PUDONG });
    await tagOrganization(t.app, bank.id, child.id);
    const org = await makeOrganization(t.app, { districtCode: PUDONG });
    const need = (await coord.send('POST', '/api/needs', { organizationId: org.id, category: 'financing', title: '储能项目融资', industryIds: [chain.id] })).json();
    await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'accept' });
    const m = (await coord.get(`/api/needs/${need.id}/matches?type=organization`)).json().items.find((x: { entityId: string }) => x.entityId === bank.id);
    expect(m.reasons).toEqual(expect.arrayContaining([{ code: 'industry_near', params: { name: '储能（测试）' } }, { code: 'category', params: { kind: 'bank' } }]));
  });
});
