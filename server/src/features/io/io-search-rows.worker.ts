import { parentPort } from 'node:worker_threads';
import type { SearchDoc } from '../search/search-row';
import { importSearchRows } from './io-search-row';

/** Builds search rows (jieba tokens, pinyin) for the import pipeline, off the main thread. */
parentPort?.on('message', (msg: { id: number; docs: SearchDoc[]; binary: boolean }) => {
  try {
    // the chunk's tuples in a few buffers, each posted once
    parentPort?.postMessage({ id: msg.id, rows: importSearchRows(msg.docs, msg.binary) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
