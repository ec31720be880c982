import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../../../common/shanghai-date';
import { createJobRunner } from '../../lib/jobs';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';
import { agreementJobHandlers } from './agreement-reminders';

const t = useTestApp();
const JINSHAN = '310116';
const inDays = (n: number) => new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('agreement reminders', () => {
  it('reminds the district’s coordinators of commitments coming due and of the six-month review, once, through durable jobs', async () => {
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const { session: coordinator } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const ev = await admin.send('POST', '/api/events', {
      title: '签约仪式（提醒测试）',
      kind: 'signing_meeting',
      startsAt: `${shanghaiToday()}T09:00`,
      venues: [{ role: 'main', name: '金山会场', districtCode: JINSHAN }],
    });
    expect(ev.statusCode).toBe(201);
    const agreement = (title: string, commitments: { text: string; dueOn: string; progress?: number; owner?: string }[]) =>
      admin.send('POST', `/api/events/${ev.json().id}/agreements`, {
        title,
        kind: 'co_construction',
        signedOn: shanghaiToday(),
        parties: [{ name: '甲方（测试）' }, { name: '乙方（测试）' }],
        commitments,
      });
    const a = await agreement('共建协议（提醒测试）', [
      { text: '共建实践基地', dueOn: inDays(10), owner: '甲方' },
      { text: '已完成的承诺', dueOn: inDays(10), progress: 100 },
      { text: '过期的承诺', dueOn: inDays(-3) },
    ]);
    expect(a.statusCode).toBe(201);
    // a second agreement whose review is recorded before its reminder runs: that reminder is a no-op
    const b = await agreement('已回访协议（提醒测试）', []);
    expect((await admin.send('PATCH', `/api/agreements/${b.json().id}/review`, { review: 'achieved' })).statusCode).toBe(200);

    const db = t.database.db;
    const jobs = await db.execute(sql`select payload from jobs where kind = 'agreement.reminder' and payload->>'agreementId' in (${a.json().id}, ${b.json().id})`);
    // the open commitment: a week before and on the day; the done and the past ones: none; both reviews
    expect(jobs.rows).toHaveLength(4);

    // nothing is due yet
    const runner = createJobRunner(db, { handlers: agreementJobHandlers, workerId: 'test' });
    await runner.runDue();
    const mine = async () => ((await coordinator.get('/api/inbox')).json().items as { message: string }[]).filter((i) => i.message.includes('提醒测试'));
    expect(await mine()).toHaveLength(0);

    // time passes: every reminder is due; two runners at once deliver each exactly once
    await db.execute(sql`update jobs set run_at = now() - interval '1 minute' where kind = 'agreement.reminder'`);
    const other = createJobRunner(db, { handlers: agreementJobHandlers, workerId: 'other' });
    await Promise.all([runner.runDue(), other.runDue()]);
    const items = (await mine()).map((i) => i.message).sort();
    expect(items).toHaveLength(3);
    expect(items.some((m) => m.includes('“共建实践基地”将于') && m.includes('责任方：甲方'))).toBe(true);
    expect(items.some((m) => m.includes('“共建实践基地”今日到期'))).toBe(true);
    expect(items.some((m) => m.includes('共建协议（提醒测试）”签约满六个月'))).toBe(true);
    expect(items.join()).not.toContain('已完成的承诺');
    expect(items.join()).not.toContain('已回访协议');
  });
});
