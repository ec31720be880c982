import { createRequire } from 'node:module';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchDoc } from '../search/search-row';
import { importSearchRow, type SearchRowData } from './io-search-row';

export type { SearchRowData };

/**
 * Search rows cost 0.2–0.6 ms each (jieba, OpenCC, pinyin): 30 s of one core for 100,000 organisations.
 * Big imports build them on worker threads while the main thread reads, validates and writes; small
 * ones build them in place (a worker takes seconds to load the dictionaries).
 */
const CHUNK = 500;
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
  docs: SearchDoc[];
  resolve: (rows: SearchRowData[]) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  task?: Task;
}

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

  build(docs: SearchDoc[]): Promise<SearchRowData[]> {
    const parts: Promise<SearchRowData[]>[] = [];
    for (let i = 0; i < docs.length; i += CHUNK) {
      const chunk = docs.slice(i, i + CHUNK);
      parts.push(new Promise((resolve, reject) => this.queue.push({ docs: chunk, resolve, reject })));
    }
    this.pump();
    return Promise.all(parts).then((p) => p.flat());
  }

  /** spawn the workers now and have each build a few rows, so that their code is loaded and compiled */
  warm() {
    const doc: SearchDoc = { entityType: 'organization', entityId: '00000000-0000-4000-8000-000000000000', title: '上海示例科技有限公司', texts: ['示例'], districtCode: null };
    for (let i = this.slots.length; i < this.size; i++) {
      const slot = this.spawn();
      slot.task = { docs: [doc], resolve: () => undefined, reject: () => undefined };
      slot.worker.postMessage({ id: this.nextId++, docs: slot.task.docs });
    }
  }

  private spawn(): Slot {
    // the ESM build of tsx's API (createRequire would give the CommonJS one, which cannot load from a worker)
    const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const file = new URL('./io-search-rows.worker.ts', import.meta.url).href;
    const worker = new Worker(BOOT, { eval: true, workerData: { tsx, file, parent: import.meta.url }, resourceLimits: WORKER_LIMITS });
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (msg: { id: number; rows?: SearchRowData[]; error?: string }) => {
      const task = slot.task;
      slot.task = undefined;
      if (msg.error || !msg.rows) task?.reject(new Error(msg.error ?? 'search rows worker failed'));
      else task?.resolve(msg.rows);
      this.pump();
    });
    const fail = (e: Error) => {
      this.slots = this.slots.filter((s) => s !== slot);
      slot.task?.reject(e);
      slot.task = undefined;
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`search rows worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private pump() {
    while (this.queue.length) {
      const free = this.slots.find((s) => !s.task) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!free) break;
      const task = this.queue.shift()!;
      free.task = task;
      free.worker.postMessage({ id: this.nextId++, docs: task.docs });
    }
    clearTimeout(this.idle);
    if (this.slots.every((s) => !s.task) && !this.queue.length) {
      this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
    }
  }

  get unused(): boolean {
    return !this.queue.length && this.slots.every((s) => !s.task);
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

/** How many search rows were built where, since the process started (read by tests and benchmarks). */
export const searchRowsBuilt = { inPlace: 0, onWorkers: 0, inPlaceAfterWorkerFailed: 0 };

/** The search rows of the documents, in their order: on the worker threads when `parallel`, else in place. */
export async function buildSearchRows(docs: SearchDoc[], parallel: boolean): Promise<SearchRowData[]> {
  if (!parallel || docs.length < CHUNK) {
    searchRowsBuilt.inPlace += docs.length;
    return docs.map(importSearchRow);
  }
  pool ??= new SearchRowPool(poolSize());
  // a worker that cannot start (or dies) costs time, not the import
  return pool.build(docs).then(
    (rows) => ((searchRowsBuilt.onWorkers += rows.length), rows),
    () => ((searchRowsBuilt.inPlaceAfterWorkerFailed += docs.length), docs.map(importSearchRow)),
  );
}

/** Starts the worker threads ahead of a big import (loading the dictionaries takes a few seconds). */
export function warmSearchRowPool() {
  pool ??= new SearchRowPool(poolSize());
  pool.warm();
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
