import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createEventBody } from '../../../../common/schemas/events';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makePerson } from '../../test/factories';

const t = useTestApp();
const JINSHAN = '310116';
const PUDONG = '310115';
const FENGXIAN = '310120';

const serviceDay = (over: Record<string, unknown> = {}) => ({
  title: '2024年新阶层专家服务日（测试）',
  kind: 'service_day',
  startsAt: '2024-09-20T09:00',
  endsAt: '2024-09-20T16:30',
  recurrence: 'FREQ=YEARLY;BYMONTH=9',
  seriesName: '新阶层专家服务日',
  hosts: [{ name: '市委统战部（测试）', role: 'host' }],
  venues: [
    { role: 'main', name: '金山主会场', districtCode: JINSHAN, capacity: 2 },
    { role: 'branch', name: '奉贤分会场', districtCode: FENGXIAN, capacity: 50 },
    { role: 'branch', name: '浦东分会场', districtCode: PUDONG },
  ],
  ...over,
});

describe('events', () => {
  it('runs a service day: publish, register to capacity and the waiting list, check in once, count per venue', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const org = await makeOrganization(t.app, { name: '金山区委统战部（测试）', districtCode: JINSHAN });
    const expert = await makePerson(t.app, { name: '测试专家甲' });
    const created = await session.send(
      'POST',
      '/api/events',
      serviceDay({
        hosts: [{ organizationId: org.id, name: '金山区委统战部（测试）', role: 'organizer' }],
        groups: [{ topic: '智能制造', expertIds: [expert.id], points: [{ name: '服务点一' }, { name: '服务点二' }] }],
        people: [{ name: '建言者', role: 'advice_speaker', topic: '产业链协同' }],
        figures: [{ label: '参与专家', value: 100, qualifier: 'exact', unit: '名', counts: 'experts' }],
      }),
    );
    expect(created.statusCode).toBe(201);
    const ev = created.json();
    // 09:00 Shanghai is 01:00 UTC
    expect(ev.startsAt).toBe('2024-09-20T01:00:00.000Z');
    expect(ev.districtCode).toBe(JINSHAN);
    expect(ev.venues).toHaveLength(3);
    expect(ev.groups[0]).toMatchObject({ topic: '智能制造', experts: [{ name: '测试专家甲' }], points: [{ name: '服务点一' }, { name: '服务点二' }] });
    expect(ev.figures[0]).toMatchObject({ value: 100, recorded: 1 });
    const main = ev.venues.find((v: { role: string }) => v.role === 'main');

    // a draft is not public
    expect((await t.app.inject({ url: `/api/public/events/${ev.id}` })).statusCode).toBe(404);
    expect((await session.send('PATCH', `/api/events/${ev.id}`, { status: 'published' })).json().status).toBe('published');
    const pub = await t.app.inject({ url: `/api/public/events/${ev.id}` });
    expect(pub.statusCode).toBe(200);
    expect(JSON.stringify(pub.json())).not.toContain(main.checkinCode);

    const reg = (name: string, phone: string) =>
      t.app.inject({ method: 'POST', url: `/api/public/events/${ev.id}/registrations`, payload: { venueId: main.id, name, phone, organization: '某公司' } });
    const a = await reg('张三', '13800000001');
    const b = await reg('李四', '13800000002');
    const c = await reg('王五', '13800000003');
    expect([a.json().status, b.json().status, c.json().status]).toEqual(['registered', 'registered', 'waitlisted']);
    expect(c.json()).toMatchObject({ waitlistPosition: 1, qrSvg: expect.stringContaining('<svg') });
    const dup = await reg('张三', '13800000001');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toMatchObject({ path: 'phone', message: expect.stringContaining('已报名') });

    // cancelling a seat moves the waiting list up
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/public/registrations/${b.json().code}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await t.app.inject({ url: `/api/public/registrations/${c.json().code}` })).json()).toMatchObject({ status: 'registered', waitlistPosition: null });

    // check in by code: once, the second scan says "already"
    const first = await session.send('POST', `/api/events/${ev.id}/check-in`, { code: a.json().code.toLowerCase() });
    expect(first.json()).toMatchObject({ outcome: 'checked_in', registration: { name: '张三', phone: '138****0001' } });
    expect((await session.send('POST', `/api/events/${ev.id}/check-in`, { code: a.json().code })).json().outcome).toBe('already');
    const bad = await session.send('POST', `/api/events/${ev.id}/check-in`, { code: 'NOPE12345' });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().fields[0].path).toBe('code');
    // the venue is full: a walk-in there is refused, at a branch accepted
    const full = await session.send('POST', `/api/events/${ev.id}/walk-ins`, { venueId: main.id, name: '路人' });
    expect(full.statusCode).toBe(409);
    const branch = ev.venues.find((v: { name: string }) => v.name === '奉贤分会场');
    expect((await session.send('POST', `/api/events/${ev.id}/walk-ins`, { venueId: branch.id, name: '路人' })).statusCode).toBe(201);

    const detail = (await session.get(`/api/events/${ev.id}`)).json();
    expect(detail.outcomes).toMatchObject({ registered: 2, waitlisted: 0, checkedIn: 2, walkIns: 1 });
    expect(detail.outcomes.perVenue.map((v: { checkedIn: number }) => v.checkedIn)).toEqual([1, 1, 0]);
    const regs = (await session.get(`/api/events/${ev.id}/registrations`)).json();
    expect(regs.items.map((r: { phone: string | null }) => r.phone)).toContain('138****0003');
    const xlsx = await session.get(`/api/events/${ev.id}/registrations.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = (await session.get(`/api/events/${ev.id}/registrations.csv`)).body;
    expect(csv).toContain('王五,某公司,138****0003');
    expect(csv).not.toContain('13800000003');

    // an agreement signed at the event
    const ag = await session.send('POST', `/api/events/${ev.id}/agreements`, {
      title: '党建共建协议（测试）',
      kind: 'co_construction',
      parties: [{ organizationId: org.id, name: '金山区委统战部（测试）', signatory: '某某' }, { name: '某公司党委' }],
      commitments: [{ text: '每季度联合活动', owner: '某公司', dueOn: '2024-12-31' }],
    });
    expect(ag.statusCode).toBe(201);
    expect(ag.json()).toMatchObject({ signedOn: '2024-09-20', reviewDueOn: '2025-03-20', review: 'not_started' });
    expect((await session.get(`/api/events/${ev.id}`)).json().outcomes.agreements).toBe(1);
  });

  it('finds events in the list by words, pinyin, initials and Traditional input of the title, and by series and venue, like the search box', async () => {
    const k = String(Date.now() % 1e6);
    const ev = await t.app.services.events.createEvent(systemActor(), parseEvent(serviceDay({ title: `金桥产业对接会${k}`, seriesName: `临港系列${k}` })));
    const { session } = await loginAs(t.app, { role: 'admin' });
    const ids = async (q: string) => (await session.get(`/api/events?pageSize=200&q=${encodeURIComponent(q)}`)).json().items.map((e: { id: string }) => e.id);
    for (const q of [`对接会${k}`, 'jinqiaochanye', 'jqcy', '金橋產業', `临港系列${k}`, '奉贤分会场']) expect(await ids(q), q).toContain(ev.id);
    expect(await ids(`对接会${k}不存在`)).not.toContain(ev.id);
  });

  it('names the field of a bad value, in Chinese or in English', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const res = await session.send('POST', '/api/events', serviceDay({ startsAt: '2024-09-20T09:00', endsAt: '2024-09-19T09:00', kind: 'party' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toContain('kind');
    const twoMains = await session.send('POST', '/api/events', serviceDay({ venues: [{ role: 'main', name: 'A' }, { role: 'main', name: 'B' }] }));
    expect(twoMains.json().fields[0]).toMatchObject({ path: 'venues', message: expect.stringContaining('主会场') });
    const order = await session.send('POST', '/api/events', serviceDay({ endsAt: '2024-09-19T09:00' }), { 'accept-language': 'en' });
    expect(order.json().fields[0]).toMatchObject({ path: 'endsAt', message: 'the end is before the start' });
    const phone = await t.app.inject({ method: 'POST', url: `/api/public/events/00000000-0000-4000-8000-000000000000/registrations`, payload: { venueId: 'x', name: '', phone: '123' } });
    expect(phone.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'phone', 'venueId']);
  });

  it('coordinators: the 金山 one keeps the 金山 event; the 奉贤 one sees it through its branch, read-only; 徐汇 sees nothing', async () => {
    const ev = await t.app.services.events.createEvent(systemActor(), parseEvent(serviceDay()));
    const jinshan = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] })).session;
    const fengxian = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: FENGXIAN }] })).session;
    const xuhui = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310104' }] })).session;
    expect((await jinshan.get(`/api/events/${ev.id}`)).json().canChange).toBe(true);
    expect((await jinshan.send('PATCH', `/api/events/${ev.id}`, { title: '改名（测试）' })).statusCode).toBe(200);
    expect((await fengxian.get(`/api/events/${ev.id}`)).json().canChange).toBe(false);
    expect((await fengxian.send('PATCH', `/api/events/${ev.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await fengxian.get(`/api/events?pageSize=200`)).json().items.map((e: { id: string }) => e.id)).toContain(ev.id);
    expect((await xuhui.get(`/api/events/${ev.id}`)).statusCode).toBe(404);
    expect((await xuhui.get(`/api/events?pageSize=200`)).json().items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
    expect((await xuhui.send('POST', `/api/events/${ev.id}/check-in`, { code: 'ABCDEFGH' })).statusCode).toBe(404);
    // a coordinator creates only in their districts, and the refusal names the field
    const out = await xuhui.send('POST', '/api/events', serviceDay());
    expect(out.statusCode).toBe(403);
    expect(out.json().fields[0].path).toBe('districtCode');
  });

  it('creates the next occurrence: next September for a yearly day; a numbered series stops at its total', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const first = (await session.send('POST', '/api/events', serviceDay())).json();
    const next = await session.send('POST', `/api/events/${first.id}/next`);
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ title: '2025年新阶层专家服务日（测试）', startsAt: '2025-09-20T01:00:00.000Z', sequence: 2, status: 'draft' });
    expect(next.json().venues.map((v: { name: string }) => v.name)).toEqual(['金山主会场', '奉贤分会场', '浦东分会场']);

    const series = (await session.send('POST', '/api/events', { title: '走进闵行（测试）', kind: 'forum', startsAt: '2023-10-14T14:00', seriesName: '走进闵行', seriesTotal: 3 })).json();
    expect(series.sequence).toBe(1);
    expect((await session.send('POST', `/api/events/${series.id}/next`)).json().sequence).toBe(2);
    expect((await session.send('POST', `/api/events/${series.id}/next`)).json().sequence).toBe(3);
    const fourth = await session.send('POST', `/api/events/${series.id}/next`);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().fields[0].path).toBe('seriesTotal');
  });

  it('never goes over capacity nor checks a code in twice, under parallel registrations and check-ins', async () => {
    const svc = t.app.services.events;
    const ev = await svc.createEvent(systemActor(), parseEvent(serviceDay({ status: 'published', venues: [{ role: 'main', name: '最后十席', districtCode: JINSHAN, capacity: 10 }] })));
    const detail = await svc.get(systemActor(), ev.id);
    const venueId = detail.venues[0]!.id;
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => svc.register(ev.id, { venueId, name: `并发${i}`, phone: `139${String(i).padStart(8, '0')}`, organization: null, role: null })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ status: string; code: string }>).value);
    expect(ok).toHaveLength(40);
    expect(ok.filter((r) => r.status === 'registered')).toHaveLength(10);
    expect(ok.filter((r) => r.status === 'waitlisted')).toHaveLength(30);
    const seated = ok.filter((r) => r.status === 'registered');
    // each code scanned three times at once
    const scans = await Promise.all(seated.flatMap((r) => [1, 2, 3].map(() => svc.checkIn(systemActor(), ev.id, r.code))));
    expect(scans.filter((s) => s.outcome === 'checked_in')).toHaveLength(10);
    expect(scans.filter((s) => s.outcome === 'already')).toHaveLength(20);
    // one audit entry per code checked in (written in the check-in's own statement), none for "already"
    const audited = await t.database.db.execute(
      sql`select entity_id, entity_name, actor_username, after from audit_log where entity = 'registration' and action = 'update' and entity_id in (${sql.join(
        scans.filter((s) => s.outcome === 'checked_in').map((s) => sql`${s.registration.id}`),
        sql`, `,
      )})`,
    );
    expect(audited.rows).toHaveLength(10);
    expect(audited.rows[0]).toMatchObject({ entity_name: expect.stringMatching(/^并发\d+$/), after: { status: 'checked_in' } });
    const after = await svc.get(systemActor(), ev.id);
    expect(after.venues[0]).toMatchObject({ taken: 10, checkedIn: 10, waitlisted: 30 });
    // parallel cancellations move exactly that many up from the waiting list
    const waiting = ok.filter((r) => r.status === 'waitlisted').slice(0, 5);
    await Promise.all(waiting.map((r) => svc.cancelByCode(r.code)));
    const still = await svc.get(systemActor(), ev.id);
    expect(still.venues[0]).toMatchObject({ taken: 10, waitlisted: 25 });
  });

  it('publishes an iCalendar feed that ical.js reads back in Shanghai time', async () => {
    const svc = t.app.services.events;
    const ev = await svc.createEvent(systemActor(), parseEvent(serviceDay({ title: '日历测试活动', status: 'published', startsAt: '2024-09-20T14:00', endsAt: '2024-09-20T16:00' })));
    await svc.createEvent(systemActor(), parseEvent(serviceDay({ title: '草稿不公开' })));
    const res = await t.app.inject({ url: '/api/events.ics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const vevents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const mine = vevents.find((v) => v.uid === `${ev.id}@tongxin`)!;
    expect(mine.summary).toBe('日历测试活动');
    const start = mine.startDate.toJSDate();
    const shanghai = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
    expect(shanghai).toBe('14:00');
    expect(mine.location).toContain('金山主会场');
    expect(vevents.map((v) => v.summary)).not.toContain('草稿不公开');
  });
  it('writes the event report as a DOCX that opens and reads back: hosts, venues, attendance, agreements, claimed beside recorded', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const ev = (
      await session.send(
        'POST',
        '/api/events',
        serviceDay({
          title: '报告测试服务日',
          agreements: [{ title: '结对共建协议（测试）', kind: 'pairing', signedOn: '2024-09-20', parties: [{ name: '甲单位' }, { name: '乙单位' }] }],
          figures: [{ label: '区分会场', value: 15, qualifier: 'exact', unit: '个', counts: 'branch_venues' }],
        }),
      )
    ).json();
    const res = await session.get(`/api/events/${ev.id}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('报告测试服务日');
    expect(text).toContain('主办：市委统战部（测试）');
    expect(text).toContain('主会场 金山主会场；分会场 奉贤分会场、浦东分会场');
    expect(text).toContain('2024-09-20 09:00 至 2024-09-20 16:30（上海时间）');
    expect(text).toContain('结对共建协议（测试）（结对，2024-09-20）：甲单位、乙单位');
    expect(text).toContain('区分会场：报道称 15个；系统记录 2');
  });
  it('keeps an agreements register scoped like the events, with the six-month review', async () => {
    const svc = t.app.services.events;
    const ev = await svc.createEvent(
      systemActor(),
      parseEvent(serviceDay({ title: '签约会（登记簿测试）', kind: 'signing_meeting', agreements: [{ title: '登记簿测试协议', kind: 'strategic', signedOn: '2024-09-20', commitments: [{ text: '共建实验室', dueOn: '2025-06-30' }] }] })),
    );
    const jinshan = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] })).session;
    const xuhui = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310104' }] })).session;
    const list = (await jinshan.get('/api/agreements?q=登记簿测试')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ eventId: ev.id, eventTitle: '签约会（登记簿测试）', reviewDueOn: '2025-03-20', commitments: [{ text: '共建实验室', dueOn: '2025-06-30' }] });
    expect((await xuhui.get('/api/agreements?q=登记簿测试')).json().total).toBe(0);
    const id = list.items[0].id;
    expect((await xuhui.send('PATCH', `/api/agreements/${id}/review`, { review: 'achieved' })).statusCode).toBe(404);
    expect((await jinshan.send('PATCH', `/api/agreements/${id}/review`, { review: 'achieved' })).json().review).toBe('achieved');
    expect((await jinshan.get('/api/agreements?review=achieved&q=登记簿测试')).json().total).toBe(1);
  });
});

function parseEvent(body: Record<string, unknown>) {
  return createEventBody.parse(body);
}
