import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createEventBody } from '../../../../common/schemas/events';
import type { Actor } from '../../lib/actor';
import { systemActor } from '../../lib/actor';
import type { AppError } from '../../lib/errors';
import { useTestApp } from '../../test/build-test-app';
import { countingDb } from '../../test/counting-db';
import { makeUser } from '../../test/factories';
import { checkInBatch, checkInCode } from './check-in';

const t = useTestApp();
const JINSHAN = '310116';
const FENGXIAN = '310120';

/** a published service day in 金山 with a 奉贤 branch, and `n` registrations at its main venue (+ one on the waiting list of a full one) */
async function eventWith(n: number) {
  const svc = t.app.services.events;
  const ev = await svc.createEvent(
    systemActor(),
    createEventBody.parse({
      title: '批量签到测试',
      kind: 'service_day',
      status: 'published',
      startsAt: '2026-09-20T09:00',
      venues: [
        { role: 'main', name: '金山主会场', districtCode: JINSHAN, capacity: n + 10 },
        { role: 'branch', name: '奉贤一席', districtCode: FENGXIAN, capacity: 1 },
      ],
    }),
  );
  const detail = await svc.get(systemActor(), ev.id);
  const [main, one] = [detail.venues.find((v) => v.role === 'main')!, detail.venues.find((v) => v.role === 'branch')!];
  const reg = (venueId: string, i: number) =>
    svc.register(ev.id, { venueId, name: `批量${i}`, phone: `136${String(i).padStart(8, '0')}`, organization: null, role: null });
  const codes: string[] = [];
  for (let i = 0; i < n; i++) codes.push((await reg(main.id, i)).code);
  await reg(one.id, 900);
  const waitlisted = await reg(one.id, 901);
  expect(waitlisted.status).toBe('waitlisted');
  return { ev, codes, waitlisted: waitlisted.code };
}

const staff = async (role: 'admin' | 'coordinator', district?: string, requestId = 'req'): Promise<Actor> => {
  const u = await makeUser(t.app, { role, scopes: district ? [{ kind: 'district', value: district }] : [] });
  return { userId: u.id, username: u.username, role, scopes: district ? [{ kind: 'district', value: district }] : [], permissions: [], requestId, ip: '192.0.2.1' };
};

const auditOf = async (ids: string[]) =>
  (
    await t.database.db.execute(
      sql`select entity_id, actor_username, request_id, ip from audit_log where entity = 'registration' and action = 'update' and entity_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) order by request_id`,
    )
  ).rows as { entity_id: string; actor_username: string; request_id: string; ip: string }[];

describe('check-in in batches (one statement for the scans that arrive together)', () => {
  it('gives each scan of a batch its own answer: a code twice counts once, unknown and waiting-list codes are refused', async () => {
    const { ev, codes, waitlisted } = await eventWith(2);
    const admin = await staff('admin');
    const as = (requestId: string) => ({ ...admin, requestId });
    const out = await checkInBatch(t.database.db, ev.id, [
      { code: codes[0]!, actor: as('r1') },
      { code: codes[1]!, actor: as('r2') },
      { code: codes[0]!, actor: as('r3') },
      { code: 'NOPE12345', actor: as('r4') },
      { code: waitlisted, actor: as('r5') },
    ]);
    const answer = (i: number) => {
      const r = out[i]!;
      return r.ok ? r.value.outcome : `${(r.error as AppError).code} ${(r.error as AppError).fields?.[0]?.message ?? ''}`;
    };
    expect([0, 1, 2, 3, 4].map(answer)).toEqual(['checked_in', 'checked_in', 'already', 'NOT_FOUND 签到码无效 / unknown code', 'CONFLICT 该报名仍在候补名单中 / the registration is on the waiting list']);
    const [first, , again] = out.map((r) => (r.ok ? r.value.registration : undefined));
    expect(again).toMatchObject({ id: first!.id, status: 'checked_in', venueName: '金山主会场' });
    // one audit entry per code checked in, with the request that checked it in
    const audit = await auditOf(out.flatMap((r) => (r.ok ? [r.value.registration.id] : [])));
    expect(audit.map((a) => [a.request_id, a.actor_username, a.ip])).toEqual([
      ['r1', admin.username, '192.0.2.1'],
      ['r2', admin.username, '192.0.2.1'],
    ]);
  });

  it('decides the rights per scan when several staff and the public scan in one batch', async () => {
    const { ev, codes } = await eventWith(4);
    const admin = await staff('admin', undefined, 'by-admin');
    const fengxian = await staff('coordinator', FENGXIAN, 'by-fengxian'); // reads the event through its branch, may not change it
    const xuhui = await staff('coordinator', '310104', 'by-xuhui'); // does not see it at all
    const out = await checkInBatch(t.database.db, ev.id, [
      { code: codes[0]!, actor: admin },
      { code: codes[1]!, actor: fengxian },
      { code: codes[2]!, actor: xuhui },
      { code: codes[3]!, actor: null },
      // the same code by someone without the right, after the admin checked it in: still refused
      { code: codes[0]!, actor: xuhui },
    ]);
    expect(out.map((r) => (r.ok ? r.value.outcome : (r.error as AppError).code))).toEqual(['checked_in', 'FORBIDDEN', 'NOT_FOUND', 'checked_in', 'NOT_FOUND']);
    const detail = await t.app.services.events.get(systemActor(), ev.id);
    expect(detail.venues.find((v) => v.role === 'main')).toMatchObject({ checkedIn: 2 });
    // the self check-in (no actor) is not audited; the admin's is, as the admin's
    const ids = [out[0], out[3]].map((r) => (r!.ok ? r!.value.registration.id : ''));
    expect((await auditOf(ids)).map((a) => [a.entity_id, a.request_id])).toEqual([[ids[0], 'by-admin']]);
  });

  it('coalesces concurrent scans at one event into one statement, each scan answered once', async () => {
    const { ev, codes } = await eventWith(10);
    const counted = countingDb(t.database);
    const admin = await staff('admin');
    const scans = await Promise.all(codes.flatMap((code) => [checkInCode(counted.db, ev.id, code, admin), checkInCode(counted.db, ev.id, code, admin)]));
    expect(scans.filter((s) => s.outcome === 'checked_in')).toHaveLength(10);
    expect(scans.filter((s) => s.outcome === 'already')).toHaveLength(10);
    expect(counted.count(/update event_registrations/)).toBe(1);
    // a lone scan is a batch of one
    await expect(checkInCode(counted.db, ev.id, codes[0]!, admin)).resolves.toMatchObject({ outcome: 'already' });
    expect(counted.count(/update event_registrations/)).toBe(2);
  });

  it('never counts a code twice when two processes check the same codes in, in opposite orders, at the same time', async () => {
    const { ev, codes } = await eventWith(30);
    // two executors: two batches, sent at once (on PostgreSQL on two connections, their rows locked in id order)
    const [one, two] = [countingDb(t.database), countingDb(t.database)];
    const admin = await staff('admin');
    const scans = await Promise.all([
      ...codes.map((code) => checkInCode(one.db, ev.id, code, admin)),
      ...[...codes].reverse().map((code) => checkInCode(two.db, ev.id, code, admin)),
    ]);
    expect(one.count(/update event_registrations/)).toBe(1);
    expect(two.count(/update event_registrations/)).toBe(1);
    const counted = new Map<string, number>();
    for (const s of scans) if (s.outcome === 'checked_in') counted.set(s.registration.id, (counted.get(s.registration.id) ?? 0) + 1);
    expect(counted.size).toBe(30);
    expect([...counted.values()].every((n) => n === 1)).toBe(true);
    expect(await auditOf([...counted.keys()])).toHaveLength(30);
  });
});
