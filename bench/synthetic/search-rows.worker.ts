/** Worker thread: computes search rows (jieba terms, pinyin keys) for batches of documents. */
import { parentPort } from 'node:worker_threads';
import { searchRow, type SearchDoc } from '../../server/src/features/search/search-index';

parentPort!.on('message', (m: { id: number; docs: SearchDoc[] }) => {
  parentPort!.postMessage({ id: m.id, rows: m.docs.map(searchRow) });
});
