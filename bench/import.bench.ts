/**
 * npm run bench -- import [--rows 100000] [--naive-rows 2000] [--seed 1] [--database-url URL] [--no-pglite]
 *
 * Imports a seeded .xlsx of organisations (bench/import-rows.ts) through the real service function
 * (validate every row, land in one transaction in batches of BATCH_SIZE rows with search documents), on an embedded
 * PGlite and, with --database-url or BENCH_DATABASE_URL, on PostgreSQL (a fresh database created and
 * dropped there). Compared with the naive way: the whole workbook loaded at once (ExcelJS
 * workbook.xlsx.load) and one INSERT per row (and per search document), run on a slice and extrapolated
 * linearly. Each measured run is a child process of its own, so its memory is its own: RSS sampled every
 * 50 ms, plus the kernel's maximum RSS. Ends with one JSON line.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchIndustryNames, organizationsXlsx } from './import-rows';
import { runChild, type ChildResult } from './import-child';
import { BATCH_SIZE } from '../server/src/features/io/io-import.service';

const TARGET_SECONDS = 30;
/** the memory target: growth above the process before the import (the embedded database alone is ~550 MB) */
const TARGET_RSS_INCREASE_MB = 300;

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const adminUrl = (url: string) => Object.assign(new URL(url), { pathname: '/postgres' }).toString();
async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Runs one measurement in a child process (tsx), on a fresh database. */
async function measure(mode: 'ours' | 'naive', file: string, databaseUrl?: string): Promise<ChildResult> {
  let url: string | undefined;
  let dbName: string | undefined;
  if (databaseUrl) {
    dbName = `tongxin_bench_import_${randomBytes(4).toString('hex')}`;
    await admin(databaseUrl, `create database ${dbName}`);
    url = Object.assign(new URL(databaseUrl), { pathname: `/${dbName}` }).toString();
  }
  try {
    const args = [...process.execArgv, path.join(import.meta.dirname, 'run.ts'), 'import', '--child', mode, '--file', file];
    if (url) args.push('--database-url', url);
    const child = spawn(process.execPath, ['--expose-gc', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = out.split('\n').find((l) => l.startsWith('CHILD_RESULT '));
    if (code !== 0 || !line) throw new Error(`${mode} run failed (exit ${code}):\n${out}`);
    return JSON.parse(line.slice('CHILD_RESULT '.length)) as ChildResult;
  } finally {
    if (databaseUrl && dbName) await admin(databaseUrl, `drop database if exists ${dbName} with (force)`);
  }
}

interface TargetResult {
  database: string;
  ours: ChildResult;
  naive: ChildResult;
  naiveSecondsExtrapolated: number;
  p95: number;
  ratio: number;
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '100000' },
      'naive-rows': { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      'no-pglite': { type: 'boolean', default: false },
      child: { type: 'string' },
      file: { type: 'string' },
    },
  });
  if (values.child) return runChild(values.child as 'ours' | 'naive', values.file!, values['database-url'], benchIndustryNames);

  const rows = Number(values.rows);
  const naiveRows = Math.min(rows, Number(values['naive-rows']));
  const seed = Number(values.seed);
  const databaseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-import-bench-'));
  try {
    let t = performance.now();
    const full = await organizationsXlsx(rows, seed);
    const fullFile = path.join(dir, `organizations-${rows}.xlsx`);
    fs.writeFileSync(fullFile, full);
    const naiveFile = path.join(dir, `organizations-${naiveRows}.xlsx`);
    fs.writeFileSync(naiveFile, await organizationsXlsx(naiveRows, seed));
    console.log(`generated ${rows} rows (seed ${seed}): ${(full.length / 1e6).toFixed(1)} MB .xlsx in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const loadBefore = os.loadavg()[0];
    const targets: TargetResult[] = [];
    const dbs: { name: string; url?: string }[] = [];
    if (!values['no-pglite']) dbs.push({ name: 'pglite' });
    if (databaseUrl) dbs.push({ name: 'postgresql', url: databaseUrl });
    for (const db of dbs) {
      t = performance.now();
      const ours = await measure('ours', fullFile, db.url);
      const main = ours.mainThreadCpuSeconds === null ? '' : `, ${ours.mainThreadCpuSeconds.toFixed(1)} s of it on the main thread`;
      console.log(`${db.name}: ours ${ours.seconds.toFixed(1)} s (${ours.cpuSeconds.toFixed(1)} s of CPU${main}) for ${ours.rows} rows`);
      const naive = await measure('naive', naiveFile, db.url);
      const naiveSecondsExtrapolated = naive.seconds * (rows / naive.rows);
      console.log(`${db.name}: naive ${naive.seconds.toFixed(1)} s (${naive.cpuSeconds.toFixed(1)} s of CPU) for ${naive.rows} rows → ${naiveSecondsExtrapolated.toFixed(0)} s for ${rows} (linear)`);
      targets.push({ database: db.name, ours, naive, naiveSecondsExtrapolated, p95: percentile(ours.batchMs, 95), ratio: naiveSecondsExtrapolated / ours.seconds });
    }

    const mb = (n: number) => n.toFixed(0).padStart(6);
    console.log('\n| database   | way   |    rows | seconds | rows/s | p95 batch ms | RSS before MB | peak RSS MB | increase MB | max RSS MB |');
    console.log('|------------|-------|--------:|--------:|-------:|-------------:|--------------:|------------:|------------:|-----------:|');
    for (const r of targets) {
      for (const [way, x] of [['ours', r.ours], ['naive', r.naive]] as const) {
        const p95 = way === 'ours' ? r.p95.toFixed(0) : '—';
        console.log(
          `| ${r.database.padEnd(10)} | ${way.padEnd(5)} | ${String(x.rows).padStart(7)} | ${x.seconds.toFixed(1).padStart(7)} | ${String(Math.round(x.rows / x.seconds)).padStart(6)} | ${p95.padStart(12)} | ${mb(x.rssBeforeMb).padStart(13)} | ${mb(x.peakRssMb).padStart(11)} | ${mb(x.peakRssMb - x.rssBeforeMb).padStart(11)} | ${mb(x.maxRssMb).padStart(10)} |`,
        );
      }
      console.log(`| ${r.database.padEnd(10)} | naive extrapolated to ${rows} rows: ${r.naiveSecondsExtrapolated.toFixed(0)} s → ratio ${r.ratio.toFixed(1)}× |`);
    }
    const main = targets[0];
    if (!main) throw new Error('nothing measured: give --database-url or drop --no-pglite');
    const verdict = (r: TargetResult) => ({
      seconds_ok: r.ours.seconds <= TARGET_SECONDS,
      peak_rss_increase_ok: r.ours.peakRssMb - r.ours.rssBeforeMb <= TARGET_RSS_INCREASE_MB,
    });
    const load = [loadBefore, os.loadavg()[0]].map((l) => l.toFixed(1));
    console.log(`machine: ${os.availableParallelism()} cores, load average (1 min) ${load[0]} before, ${load[1]} after the runs`);
    console.log(
      `targets: ≤ ${TARGET_SECONDS} s and ≤ ${TARGET_RSS_INCREASE_MB} MB above the process before the import, for 100,000 rows. The naive way ran on ${naiveRows} rows and was extrapolated linearly.`,
    );
    const summary = (r: TargetResult) => ({
      database: r.database,
      seconds: round(r.ours.seconds),
      cpu_seconds: round(r.ours.cpuSeconds),
      main_thread_cpu_seconds: r.ours.mainThreadCpuSeconds === null ? null : round(r.ours.mainThreadCpuSeconds),
      naive_cpu_seconds: round(r.naive.cpuSeconds * (r.ours.rows / r.naive.rows)),
      peak_rss_mb: Math.round(r.ours.peakRssMb),
      peak_rss_increase_mb: Math.round(r.ours.peakRssMb - r.ours.rssBeforeMb),
      max_rss_mb: Math.round(r.ours.maxRssMb),
      p95_ms: Math.round(r.p95),
      naive_seconds: round(r.naiveSecondsExtrapolated),
      naive_measured_rows: r.naive.rows,
      naive_measured_seconds: round(r.naive.seconds),
      ratio: round(r.ratio),
      ...verdict(r),
    });
    console.log(
      JSON.stringify({
        bench: 'import',
        rows,
        ...summary(main),
        naive_extrapolated: naiveRows < rows,
        batch_size: BATCH_SIZE,
        cores: os.availableParallelism(),
        load_average: Number(load[0]),
        targets: { seconds: TARGET_SECONDS, peak_rss_increase_mb: TARGET_RSS_INCREASE_MB },
        ...(targets[1] ? { postgresql: summary(targets[1]) } : {}),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
