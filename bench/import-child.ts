/**
 * One measured import run of the import benchmark, in its own process (see import.bench.ts): opens a
 * fresh database, adds the industries the rows name, then imports the file either through the real
 * service function ("ours") or the naive way, sampling RSS every 50 ms. Prints `CHILD_RESULT {json}`.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { districtCodeByName, usccProblem } from '../common/validators';
import { openDatabase, type Db } from '../server/src/db/client';
import { industries, organizationIndustries, organizations } from '../server/src/db/schema';
import { organizationSearchDoc, nameNorm } from '../server/src/features/io/io-organizations.importer';
import { organizationKindVocabulary, organizationSizeVocabulary, splitList } from '../common/labels';
import { cellText } from '../server/src/features/io/io-reader';
import { closeSearchRowPool, searchRowsBuilt } from '../server/src/features/io/io-search-rows';
import { importSearchRow } from '../server/src/features/io/io-search-row';
import { createIoService } from '../server/src/features/io/io.service';
import { importPhaseMs } from '../server/src/features/io/io-phases';
import { tsvectorLiterals } from '../server/src/features/search/search-index-tsvector';
import { upsertSearchDocuments } from '../server/src/features/search/search-index';
import { systemActor } from '../server/src/lib/actor';

export interface ChildResult {
  mode: 'ours' | 'naive';
  rows: number;
  seconds: number;
  /** CPU time of the whole process (main thread, workers, the embedded database) during the import: less sensitive to a busy machine */
  cpuSeconds: number;
  /** of which the main thread's (reading, checking and the embedded database, which runs on it); null where /proc is missing */
  mainThreadCpuSeconds: number | null;
  /** wall time of each batch of rows (ours) */
  batchMs: number[];
  rssBeforeMb: number;
  peakRssMb: number;
  /** the kernel's maximum resident set size of the whole child process (database start included) */
  maxRssMb: number;
  landed: number;
  searchDocuments: number;
}

const MB = 1024 * 1024;

/** keeps the process's highest RSS in workerData[0] until workerData[1] is set */
const RSS_SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
parentPort.postMessage('ready');
const t0 = Date.now();
let logged = 0;
const tick = () => {
  const rss = process.memoryUsage.rss();
  workerData[0] = Math.max(workerData[0], rss);
  if (process.env.IMPORT_TIMELINE && Date.now() - logged >= 1000) {
    logged = Date.now();
    console.error('rss t=' + Math.round((logged - t0) / 1000) + 's ' + Math.round(rss / 1048576) + ' MB');
  }
  if (!workerData[1]) setTimeout(tick, 50);
};
tick();`;

/** the kernel's highest RSS of this process so far (VmHWM), in bytes, or null where /proc is missing */
function highWaterMark(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds the main thread has used so far (Linux: /proc, in ticks of 1/100 s), or null. */
function mainThreadCpu(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** The naive way: the whole workbook in memory, then one INSERT (and one search-document upsert) per row. */
async function naiveImport(db: Db, data: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as never);
  const sheet = workbook.worksheets[0];
  const industryIds = new Map((await db.select().from(industries)).map((i) => [nameNorm(i.name), i.id]));
  let n = 0;
  await db.transaction(async (tx) => {
    for (let r = 2; r <= sheet.rowCount; r++) {
      const v = (sheet.getRow(r).values as unknown[]).slice(1).map(cellText).map((c) => c.trim());
      if (v.every((c) => c === '')) continue;
      const [name, kindText, districtText, uscc, aliases, address, industryText, sizeText, website, description] = v;
      const kind = organizationKindVocabulary.parse(kindText);
      const districtCode = districtText ? (districtCodeByName(districtText) ?? null) : null;
      if (!name || !kind || (uscc && usccProblem(uscc))) throw new Error(`row ${r} is bad`);
      if (uscc && (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.uscc, uscc)).limit(1)).length) {
        throw new Error(`row ${r}: credit code taken`);
      }
      const ids = splitList(industryText ?? '', true).map((i) => industryIds.get(nameNorm(i))!);
      const values = {
        name,
        nameNorm: nameNorm(name),
        kind,
        districtCode,
        uscc: uscc || null,
        aliases: splitList(aliases ?? ''),
        address: address || null,
        size: (sizeText && organizationSizeVocabulary.parse(sizeText)) || null,
        website: website || null,
        description: description || null,
      };
      const [row] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
      for (const industryId of ids) await tx.insert(organizationIndustries).values({ organizationId: row.id, industryId });
      await upsertSearchDocuments(tx, [organizationSearchDoc({ ...values, id: row.id, row: r, industryIds: ids })]);
      n++;
    }
  });
  return n;
}

export async function runChild(mode: 'ours' | 'naive', file: string, databaseUrl: string | undefined, industryNames: string[]) {
  const dataDir = databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-import-bench-db-'));
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: path.join(dataDir!, 'pgdata') });
  try {
    const db = database.db;
    await db.insert(industries).values(industryNames.map((name) => ({ name })));
    const data = fs.readFileSync(file);
    // the text libraries (jieba, OpenCC, pinyin-pro) loaded, as in a running server: every search and every write of
    // a record uses them, so the process an import starts in holds them already (~45 MB); the import's own growth
    // is measured from there, the same for both ways
    importSearchRow({ entityType: 'organization', entityId: '00000000-0000-4000-8000-000000000000', title: '上海示例科技有限公司', texts: ['示例'], districtCode: null });
    (globalThis as { gc?: () => void }).gc?.();
    // RSS sampled every 50 ms on a thread of its own: the main thread is blocked while the embedded database
    // runs a statement (an index build takes seconds), when a timer on it would miss the peak
    const shared = new Float64Array(new SharedArrayBuffer(16));
    const sampler = new Worker(RSS_SAMPLER, { eval: true, workerData: shared });
    await new Promise((resolve) => sampler.once('message', resolve));
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    shared[0] = rssBefore;
    const hwmBefore = highWaterMark();
    let peak = rssBefore;
    const tl0 = performance.now();
    const timeline = process.env.IMPORT_TIMELINE_HEAP
      ? setInterval(() => {
          const m = process.memoryUsage();
          const f = (n: number) => Math.round(n / MB);
          console.error(`t=${((performance.now() - tl0) / 1000).toFixed(0)}s rss ${f(m.rss)} heap ${f(m.heapUsed)}/${f(m.heapTotal)} ext ${f(m.external)} ab ${f(m.arrayBuffers)}`);
        }, 2000)
      : undefined;
    const batchMs: number[] = [];
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const mainCpu0 = mainThreadCpu();
    let landed: number;
    if (mode === 'ours') {
      const service = createIoService({ db });
      const result = await service.importFile(systemActor('bench'), 'organizations', { fileName: path.basename(file), data }, {
        mode: 'all',
        onBatch: (b) => batchMs.push(b.ms),
      });
      landed = result.imported;
    } else {
      landed = await naiveImport(db, data);
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const mainCpu1 = mainThreadCpu();
    const mainThreadCpuSeconds = mainCpu0 === null || mainCpu1 === null ? null : mainCpu1 - mainCpu0;
    shared[1] = 1;
    await sampler.terminate();
    peak = Math.max(peak, shared[0]);
    // and the kernel's high-water mark, if the import raised it (a peak shorter than the sampling interval)
    const hwm = highWaterMark();
    if (hwm !== null && hwmBefore !== null && hwm > hwmBefore) peak = Math.max(peak, hwm);
    clearInterval(timeline);
    peak = Math.max(peak, process.memoryUsage().rss);
    const count = async (table: 'organizations' | 'search_documents') =>
      ((await db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const result: ChildResult = {
      mode,
      rows: landed,
      seconds,
      cpuSeconds,
      mainThreadCpuSeconds,
      batchMs,
      rssBeforeMb: rssBefore / MB,
      peakRssMb: peak / MB,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      landed: await count('organizations'),
      searchDocuments: await count('search_documents'),
    };
    if (mode === 'ours') {
      const phases = Object.entries(importPhaseMs).sort((a, b) => b[1] - a[1]);
      console.error(`phases (ms, summed; they overlap): ${phases.map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
      console.error(`search rows built: ${JSON.stringify(searchRowsBuilt)}`);
      console.error(`search documents' tsvectors in binary COPY tuples: ${tsvectorLiterals.binary}, as literals: ${tsvectorLiterals.given}, by to_tsvector: ${tsvectorLiterals.fallback}`);
    }
    console.log(`CHILD_RESULT ${JSON.stringify(result)}`);
  } finally {
    closeSearchRowPool();
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
