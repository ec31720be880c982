import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../../../common/shanghai-date';
import { createJobRunner } from '../../lib/jobs';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization } from '../../test/factories';
import { agendaJobHandlers } from './agenda-deadlines';

const t = useTestApp();
const JINSHAN = '310116';
const PUDONG = '310115';
const inDays = (n: number) => new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const meeting = (title: string) => ({ title, kind: 'problem_meeting', startsAt: `${shanghaiToday()}T14:00`, venues: [{ role: 'main', name: '金山会场', districtCode: JINSHAN }] });

describe('the next deadline a problem-docking meeting sets', () => {
  it('becomes one durable reminder per need: a changed deadline or a later meeting replaces it, and it is delivered once', async () => {
    const { session: coord } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const { session: other } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const org = await makeOrganization(t.app, { name: '金山企业（期限提醒测试）', districtCode: JINSHAN });
    const need = (await coord.send('POST', '/api/needs', { organizationId: org.id, category: 'financing', title: '设备更新贷款需求（期限提醒测试）' })).json() as { id: string };
    const ev = (await coord.send('POST', '/api/events', meeting('金山问题对接会（期限提醒测试）'))).json() as { id: string };

    // recorded without a step: the need stays where it is, but its timeline shows the answer, owner and deadline
    const item = await coord.send('POST', `/api/events/${ev.id}/agenda`, { needId: need.id, answer: '区金融办牵头对接', owner: '区金融办', nextDeadline: inDays(5) });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = item.json().id as string;
    let detail = (await coord.get(`/api/needs/${need.id}`)).json();
    expect(detail.status).toBe('submitted');
    expect(detail.timeline.some((e: { action: string; note: string | null }) => e.action === 'meeting' && e.note?.includes(`下一期限 ${inDays(5)}`) && e.note.includes('区金融办'))).toBe(true);

    const db = t.database.db;
    const pending = async () =>
      (await db.execute(sql`select payload->>'day' as day, payload->>'agendaItemId' as item from jobs
        where kind = 'agenda.deadline' and payload->>'needId' = ${need.id} and done_at is null order by id`)).rows as { day: string; item: string }[];
    expect(await pending()).toEqual([{ day: inDays(5), item: itemId }]);

    // the deadline moves: the old reminder is gone, the new one is the only one, and the change is on the timeline
    const moved = await coord.send('PATCH', `/api/events/${ev.id}/agenda/${itemId}`, { nextDeadline: inDays(9) });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ nextDeadline: inDays(9), owner: '区金融办' });
    expect(await pending()).toEqual([{ day: inDays(9), item: itemId }]);
    detail = (await coord.get(`/api/needs/${need.id}`)).json();
    expect(detail.timeline.some((e: { note: string | null }) => e.note?.includes(`下一期限改为 ${inDays(9)}`))).toBe(true);

    // the need brought to a later meeting: that meeting's deadline replaces the earlier one
    const later = (await coord.send('POST', '/api/events', meeting('金山问题对接会第二场（期限提醒测试）'))).json() as { id: string };
    const second = await coord.send('POST', `/api/events/${later.id}/agenda`, { needId: need.id, answer: '银行已出方案，待企业确认', owner: '农商行金山支行', nextDeadline: inDays(12), step: 'accept' });
    expect(second.statusCode, second.body).toBe(201);
    expect(await pending()).toEqual([{ day: inDays(12), item: second.json().id }]);

    // errors name the field; another district's coordinator cannot touch the item
    const bad = await coord.send('PATCH', `/api/events/${ev.id}/agenda/${itemId}`, { owner: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('owner');
    expect((await coord.send('PATCH', `/api/events/${ev.id}/agenda/${itemId}`, { nextDeadline: '2026-13-01' })).json().fields[0].path).toBe('nextDeadline');
    expect((await other.send('PATCH', `/api/events/${ev.id}/agenda/${itemId}`, { nextDeadline: inDays(3) })).statusCode).toBe(404);
    expect(await pending()).toHaveLength(1);

    // nothing is due before the day
    const mine = async () => ((await coord.get('/api/inbox')).json().items as { message: string }[]).filter((i) => i.message.includes('期限提醒测试'));
    const one = createJobRunner(db, { handlers: agendaJobHandlers, workerId: 'one' });
    const two = createJobRunner(db, { handlers: agendaJobHandlers, workerId: 'two' });
    await one.runDue();
    expect(await mine()).toHaveLength(0);

    // the day comes: two processes at once deliver the reminder exactly once, naming the owner
    await db.execute(sql`update jobs set run_at = now() - interval '1 minute' where kind = 'agenda.deadline' and payload->>'needId' = ${need.id}`);
    await Promise.all([one.runDue(), two.runDue()]);
    const items = (await mine()).map((i) => i.message);
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('设备更新贷款需求（期限提醒测试）');
    expect(items[0]).toContain('责任人：农商行金山支行');
    expect(await pending()).toEqual([]);
  });

  it('sends nothing when the need is closed before the day, and schedules nothing for a day already past', async () => {
    const { session: coord } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const org = await makeOrganization(t.app, { name: '金山企业（已办结测试）', districtCode: JINSHAN });
    const need = (await coord.send('POST', '/api/needs', { organizationId: org.id, category: 'talent', title: '人才公寓需求（已办结测试）' })).json() as { id: string };
    const ev = (await coord.send('POST', '/api/events', meeting('对接会（已办结测试）'))).json() as { id: string };
    const past = await coord.send('POST', `/api/events/${ev.id}/agenda`, { needId: need.id, answer: '已协调', owner: '区人才办', nextDeadline: inDays(-2) });
    expect(past.statusCode, past.body).toBe(201);
    const db = t.database.db;
    const count = async () => (await db.execute(sql`select 1 from jobs where kind = 'agenda.deadline' and payload->>'needId' = ${need.id}`)).rows.length;
    expect(await count()).toBe(0);

    expect((await coord.send('PATCH', `/api/events/${ev.id}/agenda/${past.json().id}`, { nextDeadline: inDays(3) })).statusCode).toBe(200);
    expect(await count()).toBe(1);
    const closed = await coord.send('POST', `/api/needs/${need.id}/steps`, { action: 'reject', note: '不属于本区职能' });
    expect(closed.statusCode, closed.body).toBe(200);
    await db.execute(sql`update jobs set run_at = now() - interval '1 minute' where kind = 'agenda.deadline' and payload->>'needId' = ${need.id}`);
    await createJobRunner(db, { handlers: agendaJobHandlers, workerId: 'solo' }).runDue();
    expect(((await coord.get('/api/inbox')).json().items as { message: string }[]).filter((i) => i.message.includes('已办结测试'))).toHaveLength(0);
  });
});
