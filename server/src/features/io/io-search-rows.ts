import { createRequire } from 'node:module';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { SearchDoc } from '../search/search-row';
import { importSearchRows, type SearchRowData } from './io-search-row';

export type { SearchRowData };

/**
 * Search rows cost 0.2–0.6 ms each (jieba, OpenCC, pinyin): 30 s of one core for 100,000 organisations.
 * Big imports build them on worker threads while the main thread reads, validates and writes; small
 * ones build them in place (a worker takes seconds to load the dictionaries).
 */
const CHUNK = 250;
/**
 * A worker's heap: a small young generation (the rows of a chunk die young, and with the default 16 MB
 * semi-spaces they were promoted and piled up in the old one until a full GC) and a bounded old one (its live
 * set is the dictionaries' JavaScript and the bounded memos, ~40–70 MB). 100,000 organisations: the worker's
 * share of the process grew by ~105 MB instead of ~160 MB over 20,000 rows, at the same speed. A worker that runs
 * out of heap anyway fails its chunk, which is then built in place (see buildSearchRows).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };
const IDLE_MS = 30_000;

interface Task {
  /** the warm-up task (not counted) */
  warm?: boolean;
  docs: SearchDoc[];
  binary: boolean;
  resolve: (rows: SearchRowData[]) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  /** posted to the worker, in order: the one it builds and the next (so that it never waits for this thread's event loop) */
  tasks: Task[];
}
/** tasks posted to a worker ahead of its answers */
const POSTED = 2;

/** The worker runs TypeScript through tsx whatever started this process (tsx, vitest, node). */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.file, workerData.parent)).catch((e) => {
  console.error(e);
  process.exit(1);
});`;

class SearchRowPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private idle?: NodeJS.Timeout;
  private nextId = 0;

  constructor(private readonly size: number) {}

  build(docs: SearchDoc[], binary: boolean): Promise<SearchRowData[]> {
    const parts: Promise<SearchRowData[]>[] = [];
    for (let i = 0; i < docs.length; i += CHUNK) {
      const chunk = docs.slice(i, i + CHUNK);
      parts.push(new Promise((resolve, reject) => this.queue.push({ docs: chunk, binary, resolve, reject })));
    }
    this.pump();
    return Promise.all(parts).then((p) => p.flat());
  }

  /** spawn the workers now and have each build a few rows, so that their code is loaded and compiled; settles when they have */
  warm(): Promise<void> {
    const doc: SearchDoc = { entityType: 'organization', entityId: '00000000-0000-4000-8000-000000000000', title: '上海示例科技有限公司', texts: ['示例'], districtCode: null };
    const ready: Promise<unknown>[] = [];
    for (let i = this.slots.length; i < this.size; i++) {
      const slot = this.spawn();
      const task: Task = { warm: true, docs: [doc], binary: true, resolve: () => undefined, reject: () => undefined };
      ready.push(new Promise((resolve) => (task.resolve = task.reject = resolve)));
      slot.tasks.push(task);
      slot.worker.postMessage({ id: this.nextId++, docs: task.docs, binary: true });
    }
    return Promise.all(ready).then(() => undefined);
  }

  private spawn(): Slot {
    // the ESM build of tsx's API (createRequire would give the CommonJS one, which cannot load from a worker)
    const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const file = new URL('./io-search-rows.worker.ts', import.meta.url).href;
    const worker = new Worker(BOOT, { eval: true, workerData: { tsx, file, parent: import.meta.url }, resourceLimits: WORKER_LIMITS });
    worker.unref();
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (msg: { id: number; rows?: SearchRowData[]; error?: string }) => {
      const task = slot.tasks.shift();
      if (msg.error || !msg.rows) task?.reject(new Error(msg.error ?? 'search rows worker failed'));
      else {
        if (task && !task.warm) searchRowsBuilt.onWorkers += msg.rows.length;
        task?.resolve(msg.rows);
      }
      this.pump();
    });
    const fail = (e: Error) => {
      this.slots = this.slots.filter((s) => s !== slot);
      for (const t of slot.tasks.splice(0)) t.reject(e);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`search rows worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private pump() {
    while (this.queue.length) {
      const free =
        this.slots.find((s) => !s.tasks.length) ?? (this.slots.length < this.size ? this.spawn() : this.slots.find((s) => s.tasks.length < POSTED));
      if (!free) break;
      const task = this.queue.shift()!;
      free.tasks.push(task);
      free.worker.postMessage({ id: this.nextId++, docs: task.docs, binary: task.binary });
    }
    clearTimeout(this.idle);
    if (this.slots.every((s) => !s.tasks.length) && !this.queue.length) {
      this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
    }
  }

  /**
   * Builds the chunks still queued, in place, one at a time, until `until` settles: the main thread, which would
   * otherwise wait for them, takes its share (on 2 cores it is idle while the worker builds, and the worker while
   * the main thread writes). Events (the worker's answers) are handled between chunks.
   */
  async helpUntil(until: Promise<unknown>): Promise<void> {
    let settled = false;
    until.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled && this.queue.length) {
      const task = this.queue.shift()!;
      try {
        const rows = importSearchRows(task.docs, task.binary);
        searchRowsBuilt.inPlaceHelping += rows.length;
        task.resolve(rows);
      } catch (e) {
        task.reject(e instanceof Error ? e : new Error(String(e)));
      }
      await yieldToEventLoop();
    }
  }

  get unused(): boolean {
    return !this.queue.length && this.slots.every((s) => !s.tasks.length);
  }

  close() {
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) void s.worker.terminate();
  }
}

let pool: SearchRowPool | undefined;
/** one core is left to the main thread (and the database): on 2 cores one worker keeps pace with the writes */
const poolSize = () => Math.max(1, Math.min(3, availableParallelism() - 1));

/** How many search rows were built where, since the process started (read by tests and benchmarks): in place (small
 * files, a big file's first batch), on the workers, by the main thread taking queued chunks while it waited for them,
 * and in place again after a worker failed. */
export const searchRowsBuilt = { inPlace: 0, onWorkers: 0, inPlaceAfterWorkerFailed: 0, inPlaceHelping: 0 };

/**
 * The search rows of the documents, in their order: on the worker threads when `parallel`, else in place.
 * `binary`: with their binary COPY tuples (the embedded database, see io-search-row.ts).
 */
export async function buildSearchRows(docs: SearchDoc[], parallel: boolean, opts: { binary?: boolean } = {}): Promise<SearchRowData[]> {
  const binary = opts.binary ?? false;
  const inPlace = () => importSearchRows(docs, binary);
  if (!parallel || docs.length < CHUNK) {
    searchRowsBuilt.inPlace += docs.length;
    return inPlace();
  }
  pool ??= new SearchRowPool(poolSize());
  // a worker that cannot start (or dies) costs time, not the import
  return pool.build(docs, binary).catch(() => ((searchRowsBuilt.inPlaceAfterWorkerFailed += docs.length), inPlace()));
}

/** Waits for `until` (a batch's search rows), building queued chunks on this thread meanwhile (see SearchRowPool.helpUntil). */
export async function helpBuildSearchRows<T>(until: Promise<T>): Promise<T> {
  await pool?.helpUntil(until);
  return until;
}

/** Starts the worker threads ahead of a big import (loading the dictionaries takes a few seconds). */
export function warmSearchRowPool(): Promise<void> {
  pool ??= new SearchRowPool(poolSize());
  return pool.warm();
}

/**
 * Stops the worker threads now unless rows are being built on them: an import calls it once its rows are all
 * built, before the database builds its indexes, so that the workers' memory (~100 MB each: their own
 * dictionaries and heap) is returned before the index builds take theirs instead of 30 s later.
 */
export function releaseSearchRowPool() {
  if (pool?.unused) closeSearchRowPool();
}

/** Stops the worker threads (they also stop by themselves when idle). */
export function closeSearchRowPool() {
  pool?.close();
  pool = undefined;
}
