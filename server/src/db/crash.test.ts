import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPgDatabase } from '../test/template-db';
import { httpLogin, startServer } from '../test/server-process';

const ADMIN_PASSWORD = 'Crash-Test-Passw0rd';
/** a server starts in a few seconds; on a loaded CI machine (load 20 on 2 cores) it took over 60 s */
const START_MS = 150_000;
const pgUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function target(): Promise<Record<string, string>> {
  if (pgUrl) {
    const { url, drop } = await createPgDatabase(inject('dbTemplate'), pgUrl);
    cleanups.push(drop);
    return { DATABASE_URL: url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-crash-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { TONGXIN_DATA_DIR: dir };
}

describe(`crash safety (${pgUrl ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('keeps every acknowledged write after SIGKILL in the middle of a stream of writes', async () => {
    const env = { ...(await target()), TONGXIN_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const first = await startServer(env, START_MS);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const headers = { ...(await httpLogin(first.url, 'admin', ADMIN_PASSWORD)), 'content-type': 'application/json' };

    // four writers, each at most MAX_WRITES requests; the server is killed once WANTED writes are
    // acknowledged or after KILL_AFTER_MS, whichever comes first, so the test ends either way
    const WANTED = 40;
    const MAX_WRITES = 2_000;
    const KILL_AFTER_MS = 30_000;
    const acknowledged: string[] = [];
    let cutOff = 0; // requests that were sent and got no answer: the kill came in the middle of the stream
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop && i < MAX_WRITES; i++) {
        try {
          const res = await fetch(`${first.url}/api/organizations`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name: `崩溃测试单位-${w}-${i}`, kind: 'enterprise', districtCode: '310115', force: true }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          cutOff++;
          return; // the server is gone: this write was never acknowledged
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    const deadline = Date.now() + KILL_AFTER_MS;
    while (acknowledged.length < WANTED && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const beforeKill = acknowledged.length;
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await first.exited;
    expect(beforeKill, `only ${beforeKill} writes were acknowledged in ${KILL_AFTER_MS / 1000} s`).toBeGreaterThanOrEqual(WANTED);
    // the kill interrupted writes in flight (the writers were still writing, not done)
    expect(cutOff).toBeGreaterThan(0);

    const second = await startServer(env, START_MS);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    const h2 = await httpLogin(second.url, 'admin', ADMIN_PASSWORD);
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${second.url}/api/organizations/${id}`, { headers: h2 });
      if (res.status !== 200) missing.push(id);
    }
    expect(missing).toEqual([]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 2 * START_MS + 60_000);

  it.runIf(!pgUrl)('refuses a second server on the same data directory, at once and saying why', async () => {
    const env = await target();
    const first = await startServer({ ...env, TONGXIN_ADMIN_PASSWORD: ADMIN_PASSWORD }, START_MS);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const started = Date.now();
    const second = await startServer(env).then(
      (s) => {
        s.child.kill('SIGKILL');
        throw new Error('second server started');
      },
      (e: Error) => e.message,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(second).toMatch(/exited with 2/);
    expect(second).toMatch(/in use by another Tongxin process/);
    // the first one is unharmed
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, START_MS + 60_000);
});
