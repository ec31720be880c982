/**
 * npm run bench -- ingest [--rounds 40]: clean + extract (no linking) of the five seed reports and of
 * variants of them (Traditional, with pinyin annotations, page furniture), one core, after a warm-up.
 * p95 per article against the target 20 ms; throughput in articles/s; the naive way beside it: the
 * same extraction where every candidate repair and name test re-segments the WHOLE article with
 * jieba (what a first version does when it calls segment() per rule) — here approximated by
 * segmenting the full text once per extracted field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { convertT2S, segment } from '../server/src/lib/text';
import { extractReportBytes } from '../server/src/features/ingest/ingest';

const FIELDS = 14;

export async function run(args: string[]) {
  const i = args.indexOf('--rounds');
  const rounds = i >= 0 ? Number(args[i + 1]) : 40;
  const dir = path.resolve(import.meta.dirname, '../../shared/seeds');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f)));
  // variants: the same articles as plain Simplified text (no repairs needed)
  const articles = [...files, ...files.map((b) => Buffer.from(convertT2S(b.toString('utf8'))))];
  for (const a of articles) extractReportBytes(a); // warm-up: jieba, OpenCC, TF-IDF tables
  const times: number[] = [];
  // CPU time of this process per article: on a shared machine wall time also counts waiting for a core
  const cpu: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      const c = process.cpuUsage();
      const s = performance.now();
      extractReportBytes(a);
      times.push(performance.now() - s);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  const wall = performance.now() - t0;
  const naive: number[] = [];
  for (let r = 0; r < Math.max(3, Math.floor(rounds / 8)); r++) {
    for (const a of articles) {
      const s = performance.now();
      extractReportBytes(a);
      const text = a.toString('utf8');
      for (let f = 0; f < FIELDS; f++) segment(text);
      naive.push(performance.now() - s);
    }
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
  const p50 = pct(times, 0.5);
  const p95 = pct(times, 0.95);
  const naiveP95 = pct(naive, 0.95);
  const perSecond = (times.length / wall) * 1000;
  const cpuP95 = pct(cpu, 0.95);
  console.log(`articles: ${articles.length} × ${rounds} rounds; one core (this process), machine shared with other work`);
  console.log(`clean + extract: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (target ≤ 20 ms), ${perSecond.toFixed(0)} articles/s`);
  console.log(`CPU time per article: p50 ${pct(cpu, 0.5).toFixed(2)} ms, p95 ${cpuP95.toFixed(2)} ms (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  console.log(`naive (re-segment the article per field): p95 ${naiveP95.toFixed(2)} ms; ratio ${(naiveP95 / p95).toFixed(1)}×`);
  console.log(
    JSON.stringify({
      bench: 'ingest',
      articles: articles.length,
      rounds,
      p50_ms: Number(p50.toFixed(2)),
      p95_ms: Number(p95.toFixed(2)),
      articles_per_s: Math.round(perSecond),
      naive_p95_ms: Number(naiveP95.toFixed(2)),
      ratio: Number((naiveP95 / p95).toFixed(1)),
      cpu_p95_ms: Number(cpuP95.toFixed(2)),
      target_met: p95 <= 20,
    }),
  );
}
