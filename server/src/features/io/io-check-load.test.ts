import { describe, expect, it } from 'vitest';
import { checkFile, checkUnderLoad } from '../../../../bench/import-check-load';
import { writeSyntheticData } from '../../../../bench/synthetic/write';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';

const t = useTestApp();
// the property at a size a test run can afford; `npm run bench -- import-check` measures 60,000 / 20,000
const ORGS = Number(process.env.CHECK_LOAD_ORGS ?? 6000);
const ROWS = Number(process.env.CHECK_LOAD_ROWS ?? 2000);
const SEED = 4242;

describe('an import check of a big file', () => {
  it('is set-based and keeps the server answering: /api/health never waits a second meanwhile', { timeout: 300_000 }, async () => {
    await writeSyntheticData(t.database, { orgs: ORGS, people: 0, networks: 3, seed: SEED, workers: 1 });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { session } = await loginAs(t.app, { role: 'admin' });

    const result = await checkUnderLoad(address, session, checkFile(ROWS, ROWS / 2, SEED));
    expect(result.status, JSON.stringify(result.body).slice(0, 300)).toBe(200);
    expect(result.body.total).toBe(ROWS);
    // the half of the file that repeats the directory: every row is found (exact match or a duplicate)
    expect(result.body.matched).toBeGreaterThanOrEqual(ROWS / 2 - 5);
    expect(result.health.count).toBeGreaterThan(3);
    expect(result.health.maxMs).toBeLessThan(1000);
    // bounded work: a few milliseconds a row, not a scan of the directory per row
    expect(result.checkMs / ROWS).toBeLessThan(10);
    console.log(`check of ${ROWS} rows against ${ORGS} organisations: ${(result.checkMs / 1000).toFixed(1)} s; health max ${result.health.maxMs.toFixed(0)} ms, p95 ${result.health.p95Ms.toFixed(0)} ms over ${result.health.count} polls`);
  });
});
