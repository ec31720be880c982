/**
 * An import check (POST /api/io/import/organizations/check) against a running server while another
 * client polls GET /api/health: how long the check takes and how long health waited meanwhile. Used by
 * the test that keeps the server answering (io-check-load.test.ts) and by `npm run bench -- import-check`.
 */
import { csvText } from '../server/src/test/factories-io';
import { organizationRows } from './import-rows';
import { organizationColumns } from '../server/src/features/io/io-columns';

export interface CheckUnderLoad {
  status: number;
  checkMs: number;
  body: { total: number; valid: number; matched: number; duplicates: unknown[] };
  health: { count: number; maxMs: number; p95Ms: number };
}

/**
 * A CSV of `rows` template rows: `existing` of them are generated organisations with the seed the
 * directory was filled with (exact matches and near names), the rest come from another seed.
 */
export function checkFile(rows: number, existing: number, seed: number): Buffer {
  const take = (n: number, s: number) => [...organizationRows(n, s)];
  const cells = [...take(existing, seed), ...take(rows - existing, seed + 1000)];
  return Buffer.from(csvText(organizationColumns.map((c) => c.header), cells));
}

export async function checkUnderLoad(baseUrl: string, auth: { cookie: string; csrf: string }, file: Buffer, pollMs = 50): Promise<CheckUnderLoad> {
  const latencies: number[] = [];
  const slow: string[] = [];
  const start = performance.now();
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (performance.now() - t0 > 300) slow.push(`${(t0 - start).toFixed(0)}+${(performance.now() - t0).toFixed(0)}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  })();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'check.csv');
  const t0 = performance.now();
  try {
    const res = await fetch(`${baseUrl}/api/io/import/organizations/check`, {
      method: 'POST',
      body: form,
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf },
    });
    const body = (await res.json()) as CheckUnderLoad['body'];
    const checkMs = performance.now() - t0;
    done = true;
    await poll;
    const sorted = [...latencies].sort((a, b) => a - b);
    if (process.env.CHECK_LOAD_DEBUG) console.log('slow health polls (start+ms):', slow.join(' '));
    return {
      status: res.status,
      checkMs,
      body,
      health: { count: sorted.length, maxMs: sorted.at(-1) ?? 0, p95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0 },
    };
  } finally {
    done = true;
    await poll;
  }
}
