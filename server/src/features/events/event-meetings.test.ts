import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization } from '../../test/factories';

const t = useTestApp();
const JINSHAN = '310116';
const PUDONG = '310115';

const meeting = (kind: string, title: string) => ({ title, kind, startsAt: '2026-03-10T14:00', venues: [{ role: 'main', name: '安亭会场', districtCode: JINSHAN }] });

describe('the three meetings', () => {
  it('a problem-docking meeting takes its agenda from open needs; each answer, owner and deadline moves the need', async () => {
    const { session: coord } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const { session: other } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const org = await makeOrganization(t.app, { name: '金山企业（对接会测试）', districtCode: JINSHAN });
    const need = async (title: string) => {
      const res = await coord.send('POST', '/api/needs', { organizationId: org.id, category: 'financing', title });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const a = await need('厂房扩建融资需求（对接会）');
    const b = await need('人才公寓申请需求（对接会）');
    const ev = (await coord.send('POST', '/api/events', meeting('problem_meeting', '安亭问题对接会（测试）'))).json();

    const agenda = (await coord.get(`/api/events/${ev.id}/agenda`)).json();
    expect(agenda.items).toEqual([]);
    expect(agenda.candidates.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    // the answer accepts the need: its workflow moves, with the answer in its timeline
    const item = await coord.send('POST', `/api/events/${ev.id}/agenda`, { needId: a.id, answer: '由区金融办对接两家银行', owner: '区金融办', nextDeadline: '2026-04-10', step: 'accept' });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json()).toMatchObject({ needTitle: '厂房扩建融资需求（对接会）', needStatus: 'accepted', owner: '区金融办', nextDeadline: '2026-04-10', step: 'accept' });
    const detail = (await coord.get(`/api/needs/${a.id}`)).json();
    expect(detail.status).toBe('accepted');
    expect(JSON.stringify(detail)).toContain('由区金融办对接两家银行');

    // a step the need's state machine refuses records nothing
    const refused = await coord.send('POST', `/api/events/${ev.id}/agenda`, { needId: b.id, answer: '已解决', owner: '区人才办', step: 'resolve' });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const after = (await coord.get(`/api/events/${ev.id}/agenda`)).json();
    expect(after.items.map((i: { needId: string }) => i.needId)).toEqual([a.id]);
    expect(after.candidates.map((n: { id: string }) => n.id)).toContain(b.id);
    expect(after.candidates.map((n: { id: string }) => n.id)).not.toContain(a.id);

    // the meeting's outcomes count the needs it took on, and those resolved by now (from the needs' own status)
    const outcomes = async () => (await coord.get(`/api/events/${ev.id}`)).json().outcomes;
    expect(await outcomes()).toMatchObject({ needsRaised: 1, needsResolved: 0 });
    await t.database.db.execute(sql`update needs set status = 'resolved' where id = ${a.id}`);
    expect(await outcomes()).toMatchObject({ needsRaised: 1, needsResolved: 1 });
    const report = await coord.get(`/api/events/${ev.id}/report.docx`);
    const reportText = (await (await JSZip.loadAsync(report.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(reportText).toContain('问题对接：上会诉求 1 项，其中已办结 1 项');

    // a form error names the field; another district's coordinator cannot see the meeting
    const bad = await coord.send('POST', `/api/events/${ev.id}/agenda`, { needId: b.id, answer: '', owner: '区人才办' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('answer');
    expect((await other.send('POST', `/api/events/${ev.id}/agenda`, { needId: b.id, answer: '答复', owner: '某人' })).statusCode).toBe(404);
  });

  it('a work-release meeting publishes releases, one of them the five-year strategy', async () => {
    const { session: coord } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const ev = (await coord.send('POST', '/api/events', meeting('release_meeting', '安亭工作发布会（测试）'))).json();
    const plan = await coord.send('POST', `/api/events/${ev.id}/agreements`, {
      title: '五年期战略导航书（测试）',
      kind: 'plan',
      termYears: 5,
      commitments: [{ text: '建设实践带', owner: '安亭镇' }],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const rel = await coord.send('POST', `/api/events/${ev.id}/releases`, {
      title: '发布五年期战略导航书',
      body: '实践带发布五年期战略导航书。',
      attachments: [{ name: '导航书全文', url: 'https://example.org/plan.pdf' }],
      planId: plan.json().id,
    });
    expect(rel.statusCode, rel.body).toBe(201);
    const list = (await coord.get(`/api/events/${ev.id}/releases`)).json();
    expect(list).toEqual([expect.objectContaining({ title: '发布五年期战略导航书', planTitle: '五年期战略导航书（测试）', attachments: [{ name: '导航书全文', url: 'https://example.org/plan.pdf' }] })]);

    // not a plan, or not a release meeting: refused, naming the field
    const problem = (await coord.send('POST', '/api/events', meeting('problem_meeting', '另一场对接会（测试）'))).json();
    const wrong = await coord.send('POST', `/api/events/${problem.id}/releases`, { title: '发布' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('title');
  });

  it('shows a release meeting’s releases on its public page once published, counts them in its outcomes and writes them into its report', async () => {
    const { session: coord } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const ev = (await coord.send('POST', '/api/events', { ...meeting('release_meeting', '安亭实践带发布会（公开测试）'), note: '内部备注：不公开' })).json();
    const plan = (await coord.send('POST', `/api/events/${ev.id}/agreements`, { title: '实践带五年期战略导航书（公开测试）', kind: 'plan', termYears: 5 })).json();
    const rel = await coord.send('POST', `/api/events/${ev.id}/releases`, {
      title: '发布实践带五年期战略导航书',
      body: '实践带发布五年期战略导航书，设立“三会”。',
      attachments: [{ name: '导航书全文', url: 'https://example.org/belt-plan.pdf' }],
      planId: plan.id,
    });
    expect(rel.statusCode, rel.body).toBe(201);
    // only web links may be attached (the public page links to them)
    const script = await coord.send('POST', `/api/events/${ev.id}/releases`, { title: '坏链接', attachments: [{ name: 'x', url: 'javascript:alert(1)' }] });
    expect(script.statusCode).toBe(400);
    expect(script.json().fields[0].path).toBe('attachments.0.url');

    // counted from the records, beside the event
    const detail = (await coord.get(`/api/events/${ev.id}`)).json();
    expect(detail.outcomes.releases).toBe(1);
    expect(detail.releases).toEqual([expect.objectContaining({ title: '发布实践带五年期战略导航书', planTitle: '实践带五年期战略导航书（公开测试）' })]);

    // a draft has no public page; once published its page links the release and nothing private
    expect((await t.app.inject({ url: `/api/public/events/${ev.id}` })).statusCode).toBe(404);
    expect((await coord.send('PATCH', `/api/events/${ev.id}`, { status: 'published' })).statusCode).toBe(200);
    const pub = await t.app.inject({ url: `/api/public/events/${ev.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().releases).toEqual([
      expect.objectContaining({ title: '发布实践带五年期战略导航书', body: '实践带发布五年期战略导航书，设立“三会”。', attachments: [{ name: '导航书全文', url: 'https://example.org/belt-plan.pdf' }] }),
    ]);
    expect(pub.body).not.toContain('内部备注');
    expect(pub.body).not.toContain('checkinCode');

    // the report, as a DOCX read back
    const docx = await coord.get(`/api/events/${ev.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('发布：发布实践带五年期战略导航书（实践带五年期战略导航书（公开测试））；附件 导航书全文');
    expect(text).toContain('签署协议 1 份，发布 1 项');
  });
});
