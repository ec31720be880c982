import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/client';
import { inboxItems } from '../db/schema';
import { useTestApp } from '../test/build-test-app';
import { makeOrganization, makeUser } from '../test/factories';
import { createPgDatabase } from '../test/template-db';
import { httpLogin, startServer } from '../test/server-process';
import { createJobRunner, enqueueJob, type JobHandler } from './jobs';

const t = useTestApp();
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
const pgUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('durable jobs', () => {
  it('runs each job once with two runners at once, deduplicates, retries a failure and keeps a job whose lease was lost', async () => {
    const db = t.app.services.db;
    const user = await makeUser(t.app);
    // the effect carries no dedupe key: a job run twice would show as two rows
    const handler: JobHandler = async (job, tx) => {
      await new Promise((r) => setTimeout(r, 2));
      await tx.insert(inboxItems).values({ userId: user.id, kind: 'status', message: `job ${String(job.payload.n)}` });
    };
    for (let n = 0; n < 30; n++) expect(await enqueueJob(db, { kind: 'test.once', payload: { n }, dedupeKey: `once-${n}` })).toBe(true);
    expect(await enqueueJob(db, { kind: 'test.once', payload: { n: 0 }, dedupeKey: 'once-0' })).toBe(false);
    // not due yet: stays
    await enqueueJob(db, { kind: 'test.once', payload: { n: 99 }, runAt: new Date(Date.now() + 3600_000) });
    const a = createJobRunner(db, { handlers: { 'test.once': handler }, workerId: 'a', batch: 3 });
    const b = createJobRunner(db, { handlers: { 'test.once': handler }, workerId: 'b', batch: 3 });
    const [na, nb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(na + nb).toBe(30);
    const counts = rows<{ message: string; n: number }>(
      await db.execute(sql`select message, count(*)::int as n from inbox_items where user_id = ${user.id} group by message`),
    );
    expect(counts).toHaveLength(30);
    expect(counts.every((c) => c.n === 1)).toBe(true);

    // a failing handler rolls its effect back and retries later, up to max_attempts
    let calls = 0;
    const failing: JobHandler = async (_job, tx) => {
      calls++;
      await tx.insert(inboxItems).values({ userId: user.id, kind: 'status', message: 'never' });
      throw new Error('mail server down');
    };
    await enqueueJob(db, { kind: 'test.fail', maxAttempts: 2 });
    const f = createJobRunner(db, { handlers: { 'test.fail': failing } });
    await f.runDue();
    let [job] = rows<{ attempts: number; last_error: string; failed_at: string | null }>(await db.execute(sql`select attempts, last_error, failed_at from jobs where kind = 'test.fail'`));
    expect(job).toMatchObject({ attempts: 1, last_error: 'mail server down', failed_at: null });
    await db.execute(sql`update jobs set run_at = now() where kind = 'test.fail'`);
    await f.runDue();
    [job] = rows(await db.execute(sql`select attempts, last_error, failed_at from jobs where kind = 'test.fail'`));
    expect(job!.attempts).toBe(2);
    expect(job!.failed_at).not.toBeNull();
    expect(calls).toBe(2);
    expect(rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from inbox_items where message = 'never'`))[0]!.n).toBe(0);

    // a runner whose lease ran out (another took the job) commits nothing
    await enqueueJob(db, { kind: 'test.slow' });
    const slow: JobHandler = async (_job, tx) => {
      await tx.insert(inboxItems).values({ userId: user.id, kind: 'status', message: 'slow' });
      await db.execute(sql`update jobs set locked_by = 'someone-else' where kind = 'test.slow'`);
    };
    if (t.database.kind === 'postgres') {
      await createJobRunner(db, { handlers: { 'test.slow': slow } }).runDue();
      expect(rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from inbox_items where message = 'slow'`))[0]!.n).toBe(0);
    }
  });
});

describe.skipIf(!pgUrl)('two app processes on one PostgreSQL', () => {
  it('send each reminder once', { timeout: 300_000 }, async () => {
    const { url, drop } = await createPgDatabase(inject('dbTemplate'), pgUrl!);
    cleanups.push(drop);
    const database = await openDatabase({ databaseUrl: url, migrate: false });
    cleanups.push(() => database.close());
    const env = { DATABASE_URL: url, TONGXIN_ADMIN_PASSWORD: 'Jobs-Test-Passw0rd', TONGXIN_JOB_POLL_SECONDS: '0.3' };
    // the first process creates the admin; then the second starts on the same database
    const one = await startServer(env, 150_000);
    cleanups.push(() => void one.child.kill('SIGKILL'));
    const two = await startServer(env, 150_000);
    cleanups.push(() => void two.child.kill('SIGKILL'));

    const headers = { ...(await httpLogin(one.url, 'admin', 'Jobs-Test-Passw0rd')), 'content-type': 'application/json' };
    const app = { services: { db: database.db } } as never;
    const org = await makeOrganization(app, { districtCode: '310115' });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${one.url}/api/needs`, { method: 'POST', headers, body: JSON.stringify({ organizationId: org.id, category: 'policy', title: `两进程提醒测试 ${i}` }) });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // every deadline is due now: both processes poll and race for the jobs
    await database.db.execute(sql`update jobs set run_at = now() where payload->>'needId' in ${ids}`);
    const deadline = Date.now() + 60_000;
    let left = 1;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      left = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from jobs where done_at is null and payload->>'needId' in ${ids}`))[0]!.n;
    }
    expect(left).toBe(0);
    // the admin gets one escalation per need and deadline (respond, resolve): 20, never 40
    const inbox = rows<{ need_id: string; n: number }>(
      await database.db.execute(sql`select need_id::text, count(*)::int as n from inbox_items where kind = 'escalated' group by need_id`),
    );
    expect(inbox).toHaveLength(10);
    expect(inbox.every((r) => r.n === 2)).toBe(true);
    const done = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from jobs where payload->>'needId' in ${ids} and attempts = 1`))[0]!.n;
    expect(done).toBe(40);
  });
});
