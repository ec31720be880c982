import { parentPort } from 'node:worker_threads';
import type { SearchDoc } from '../search/search-row';
import { importSearchRow, TupleArena } from './io-search-row';

/** Builds search rows (jieba tokens, pinyin) for the import pipeline, off the main thread. */
parentPort?.on('message', (msg: { id: number; docs: SearchDoc[]; binary: boolean }) => {
  try {
    const arena = new TupleArena(); // the chunk's tuples in a few buffers, each posted once
    parentPort?.postMessage({ id: msg.id, rows: msg.docs.map((d) => importSearchRow(d, { binary: msg.binary, arena })) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
