/**
 * At 23:30 UTC Shanghai is already on the next day. The browser journey "adds a member, changes its
 * tier and marks it as left" failed every evening in CI because the page sent the browser's (UTC)
 * date as "left today" while the server's today is Shanghai's. Here the clock is set to 23:30 UTC
 * and the page's own helper (the one 标记退出 calls) is used against the real server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shanghaiToday } from '../../../../common/shanghai-date';
import { joinTodayDefault, leaveToday } from '../../../../web/src/features/networks/membership-dates';
import { useTestApp } from '../../test/build-test-app';
import { exportFileNames } from '../io/io-export.service';
import { loginAs, makeOrganization, makeNetwork } from '../../test/factories';

const t = useTestApp();

/** The latest 23:30 UTC not after now (a clock behind the database's, so sessions do not look idle). */
function lastHalfPastElevenUtc(now = Date.now()) {
  const d = new Date(now);
  const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 30);
  return new Date(at <= now ? at : at - 86_400_000);
}

describe('"today" at 23:30 UTC', () => {
  let clock: Date;
  beforeEach(() => {
    clock = lastHalfPastElevenUtc();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock);
  });
  afterEach(() => vi.useRealTimers());

  it('is the next day in Shanghai: the page and the server agree on it when a member leaves, and exports are named by it', async () => {
    const utcDay = clock.toISOString().slice(0, 10);
    const nextDay = new Date(Date.parse(`${utcDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(new Date().toISOString()).toMatch(/T23:30:00/);
    expect(shanghaiToday()).toBe(nextDay);
    expect(leaveToday()).toEqual({ leftOn: nextDay });
    expect(joinTodayDefault()).toBe(nextDay);
    // an export made now is named by Shanghai's date too
    expect(exportFileNames('organizations', 'xlsx')).toEqual({ ascii: `organizations-${nextDay}.xlsx`, chinese: `单位-${nextDay}.xlsx` });

    const { session } = await loginAs(t.app, { role: 'admin' });
    const network = await makeNetwork(t.app, { declaredCounts: { founding: 2 } });
    const org = await makeOrganization(t.app);
    const url = `/api/networks/${network.id}`;
    const added = await session.send('POST', `${url}/members`, { organizationId: org.id, tier: 'founding', joinedOn: '2024-03-01' });
    expect(added.statusCode).toBe(201);

    // a tier change opens a new term from the server's today
    const promoted = await session.send('PATCH', `${url}/members/${added.json().id}`, { tier: 'chain_leader' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ tier: 'chain_leader', joinedOn: nextDay, leftOn: null });

    // what a browser in UTC used to send (dayjs()): the day before the new term began, refused
    const browserDay = await session.send('PATCH', `${url}/members/${promoted.json().id}`, { leftOn: utcDay });
    expect(browserDay.statusCode).toBe(400);
    expect(browserDay.json().fields[0].path).toBe('leftOn');

    // what the page sends now: accepted, and nobody is a current member any more ("全部 0")
    const left = await session.send('PATCH', `${url}/members/${promoted.json().id}`, leaveToday());
    expect(left.statusCode).toBe(200);
    expect(left.json().leftOn).toBe(nextDay);
    const detail = (await session.get(url)).json();
    expect(detail.memberCounts.total).toBe(0);
    const history = detail.history.map((h: { date: string; change: string; tier: string }) => `${h.date} ${h.change} ${h.tier}`);
    expect([...history].sort()).toEqual(['2024-03-01 joined founding', `${nextDay} joined chain_leader`, `${nextDay} left chain_leader`, `${nextDay} left founding`]);

    // and a joining date of Shanghai's today is not "in the future"
    const other = await makeOrganization(t.app);
    const joinsToday = await session.send('POST', `${url}/members`, { organizationId: other.id, tier: 'member', joinedOn: joinTodayDefault() });
    expect(joinsToday.statusCode).toBe(201);
  });
});
