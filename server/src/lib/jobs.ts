import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client';
import { jobs } from '../db/schema';

/**
 * Durable jobs in the database (table `jobs`), for work that must happen once even with several app
 * processes and across restarts: reminders, escalations, anything scheduled.
 *
 *   enqueueJob(tx, { kind, payload, runAt, dedupeKey })   — in the caller's transaction
 *   const runner = createJobRunner(db, { handlers: { kind: async (job, tx) => … } })
 *   await runner.runDue()                                  — claims and runs what is due now
 *   runner.start(intervalMs) / runner.stop()               — polls in the background
 *
 * A job is claimed with `FOR UPDATE SKIP LOCKED` and leased (`locked_by`, `locked_until`): two processes
 * never claim the same job. Its handler runs inside a transaction that also marks it done, and that
 * commits only while the lease is still this runner's: the handler's database effects (an inbox item)
 * happen exactly once. A failure rolls the effects back and retries with back-off up to max_attempts;
 * a crashed process's lease runs out and another process picks the job up.
 */
export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export type JobHandler = (job: Job, tx: Tx) => Promise<void>;

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** a job with the same key is enqueued once (later calls are no-ops) */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Schedule a job; returns false when one with the same dedupeKey exists already. */
export async function enqueueJob(ex: Executor, input: EnqueueInput): Promise<boolean> {
  const rows = await ex
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      runAt: input.runAt ?? new Date(),
      dedupeKey: input.dedupeKey ?? null,
      maxAttempts: input.maxAttempts ?? 5,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export interface JobRunnerOptions {
  handlers: Record<string, JobHandler>;
  /** this process's name in locked_by (default: a random id) */
  workerId?: string;
  /** how long a claimed job stays this runner's (default 60 s) */
  leaseMs?: number;
  /** how many jobs one claim takes (default 10) */
  batch?: number;
  onError?: (job: Job, err: unknown) => void;
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

export function createJobRunner(db: Db, opts: JobRunnerOptions) {
  const workerId = opts.workerId ?? `w-${randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? 60_000;
  const kinds = Object.keys(opts.handlers);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<Job[]> {
    if (!kinds.length) return [];
    const res = await db.execute(sql`update jobs set locked_by = ${workerId},
        locked_until = now() + ${`${leaseMs} milliseconds`}::interval, attempts = attempts + 1
      where id in (select id from jobs
        where done_at is null and failed_at is null and run_at <= now() and kind in ${kinds}
          and (locked_until is null or locked_until < now())
        order by run_at, id limit ${opts.batch ?? 10} for update skip locked)
      returning id, kind, payload, attempts`);
    return rowsOf<{ id: number | string; kind: string; payload: Record<string, unknown>; attempts: number }>(res).map((r) => ({
      ...r,
      id: Number(r.id),
    }));
  }

  async function runOne(job: Job) {
    try {
      await db.transaction(async (tx) => {
        await opts.handlers[job.kind]!(job, tx);
        const done = await tx.execute(sql`update jobs set done_at = now(), locked_by = null, locked_until = null
          where id = ${job.id} and locked_by = ${workerId} and done_at is null returning id`);
        // the lease ran out and another runner took the job: undo this run's effects
        if (!rowsOf(done).length) throw new Error(`job ${job.id}: lease lost`);
      });
    } catch (err) {
      opts.onError?.(job, err);
      const message = err instanceof Error ? err.message : String(err);
      await db.execute(sql`update jobs set locked_by = null, locked_until = null, last_error = ${message.slice(0, 2000)},
          run_at = now() + (least(power(2, attempts), 3600) || ' seconds')::interval,
          failed_at = case when attempts >= max_attempts then now() else null end
        where id = ${job.id} and locked_by = ${workerId}`);
    }
  }

  /** Claim and run the jobs due now, batch after batch, until none is left; returns how many ran. */
  async function runDue(): Promise<number> {
    let n = 0;
    for (;;) {
      const claimed = await claim();
      if (!claimed.length) return n;
      for (const job of claimed) await runOne(job);
      n += claimed.length;
    }
  }

  return {
    workerId,
    runDue,
    /** Poll every intervalMs (one run at a time). */
    start(intervalMs = 30_000) {
      if (timer) return;
      const tick = () => {
        running ??= runDue()
          .catch(() => 0)
          .finally(() => (running = undefined));
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    /** Stop polling and wait for the run in progress. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
