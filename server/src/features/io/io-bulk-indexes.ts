import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { rowsOf, textArray } from './io-import.repository';
import { timed } from './io-phases';

/**
 * Big imports into the embedded database build the secondary indexes of the tables they fill once,
 * at the end, instead of entry by entry: the non-unique indexes (GIN of the search tokens and the
 * trigrams, the list orders, the pinyin prefixes …) are dropped inside the import's transaction and
 * created again from their own definitions (pg_get_indexdef) before it commits. Measured on PGlite,
 * 100,000 organisations into an empty directory: 39 s of inserts became 13 s plus 15 s of building.
 *
 * Correct because:
 * - it is the import's transaction: a rollback (mode=all with a bad row, an error) brings the
 *   indexes back as they were, and the commit has them all again;
 * - the embedded database has one connection: while the transaction runs, nothing else reads the
 *   tables (other requests wait for it anyway), so no one sees them without their indexes;
 * - unique and primary-key indexes are kept, so the database still refuses what it refused before
 *   (a credit code twice), row by row;
 * - whatever indexes exist are rebuilt, those another feature adds later included.
 *
 * Not on PostgreSQL: DROP INDEX locks the table against every other session until the commit.
 * Only when the file is large beside what the tables already hold (rebuilding costs about as much
 * per existing row as inserting saves per new one): see shouldDefer.
 */
export function isEmbedded(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite;
}

/** rows read so far (at least two batches) against the rows the first table held before the import */
export function shouldDefer(rowsRead: number, existingRows: number, batchSize: number): boolean {
  return rowsRead >= 2 * batchSize && existingRows <= rowsRead;
}

export async function countRows(ex: Executor, table: string): Promise<number> {
  return rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
}

/** Indexes dropped and rebuilt by imports since the process started (read by tests). */
export const deferredIndexes = { dropped: 0, rebuilt: 0 };

/** Drops the tables' non-unique indexes; the function returned creates them again (call it before the commit). */
export async function deferIndexes(tx: Executor, tables: readonly string[]): Promise<() => Promise<void>> {
  const indexes = rowsOf<{ name: string; def: string }>(
    await tx.execute(sql`
      select c.relname as name, pg_get_indexdef(c.oid) as def
      from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = any(${textArray([...tables])}) and t.relnamespace = current_schema()::regnamespace
        and not x.indisunique and not x.indisprimary and not x.indisexclusion
      order by c.relname`),
  );
  for (const i of indexes) await tx.execute(sql`drop index ${sql.identifier(i.name)}`);
  deferredIndexes.dropped += indexes.length;
  return async () => {
    // the memory an index build may take: the embedded database's WebAssembly memory grows to it and never shrinks
    // (64 MB by default); building the tokens GIN index of 100,000 documents took as long with 16 MB (8.1 s against
    // 8.3 s), and the btree builds' sorts of such rows fit in it
    await tx.execute(sql`set local maintenance_work_mem = '16MB'`);
    for (const i of indexes) await timed(`rebuild ${i.name}`, () => tx.execute(sql.raw(i.def)));
    deferredIndexes.rebuilt += indexes.length;
  };
}
