import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  MAX_LISTED_ERRORS,
  type ExistingMode,
  type ImportCheck,
  type ImportError,
  type ImportMode,
  type ImportReport,
  type ImportResult,
  type IoKind,
} from '../../../../common/schemas/io';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { kindEntities, type ColumnSpec } from './io-columns';
import type { ErrorReport, ErrorReportStore } from './io-error-reports';
import { membershipImporter } from './io-memberships.importer';
import { organizationImporter } from './io-organizations.importer';
import { personImporter } from './io-people.importer';
import { placeImporter } from './io-places.importer';
import { readSheet, type UploadedFile } from './io-reader';
import { mapHeader, parsedRow, RowErrors, type Importer, type ParsedRow } from './io-row';
import { buildSearchRows, helpBuildSearchRows, releaseSearchRowPool, warmSearchRowPool } from './io-search-rows';
import { canImport } from './io.policy';
import { cleanGinPendingLists } from './io-import.repository';
import { countRows, deferIndexes, isEmbedded, shouldDefer } from './io-bulk-indexes';
import { timed, timedIterable, timedSync } from './io-phases';

/**
 * Rows read, checked and written together. Small enough that a batch's rows, records, search rows and
 * statement parameters die young on the main thread instead of piling up in V8's old space until a full GC
 * (100,000 organisations on PGlite, peak RSS above the process before the import, on a loaded machine whose
 * GC timing makes it vary: six runs at 5,000 rows a batch +323 to +585 MB, median ~500; three at 1,000 +312, +348,
 * +436 MB; no measurable change in CPU time); large enough that statements stay few.
 */
export const BATCH_SIZE = 1000;
/** rows per duplicate query of a check: small enough that one query never holds the embedded database for long */
export const CHECK_CHUNK = 200;
/** after an import of this many records the GIN indexes' pending lists are merged (see cleanGinPendingLists) */
const GIN_CLEAN_FROM = 1000;

const importers: Record<IoKind, Importer<{ row: number }, unknown>> = {
  organizations: organizationImporter as Importer<{ row: number }, unknown>,
  people: personImporter as Importer<{ row: number }, unknown>,
  memberships: membershipImporter as Importer<{ row: number }, unknown>,
  places: placeImporter as Importer<{ row: number }, unknown>,
};

/** mode=all and a bad row (or a missing column): nothing landed. Answered 422 with the report in the body. */
export class ImportInvalidError extends AppError {
  constructor(readonly report: ImportReport) {
    const n = new Set(report.errors.map((e) => e.row)).size;
    super('IMPORT_INVALID', {
      userMessage: {
        zh: report.total ? `导入文件中有 ${report.errorCount} 处错误（至少 ${n} 行），未导入任何数据` : '导入文件缺少必填列，未导入任何数据',
        en: `The file has ${report.errorCount} problem(s); nothing was imported`,
      },
      details: { report },
    });
  }
}

export interface ImportOptions {
  mode: ImportMode;
  /** rows matching an existing record exactly: skipped (default) or written into it */
  existing?: ExistingMode;
  /** called after each batch (benchmarks) */
  onBatch?: (b: { rows: number; ms: number }) => void;
  batchSize?: number;
}

/** The problems of a whole file: a short list for the response, every bad row for the error report. */
class FileReport {
  total = 0;
  errorCount = 0;
  readonly listed: ImportError[] = [];
  readonly badRows: ErrorReport['rows'] = [];

  collect(batch: ParsedRow[], errors: RowErrors) {
    this.total += batch.length;
    if (!errors.errors.length) return;
    this.errorCount += errors.errors.length;
    const byRow = new Map<number, ImportError[]>();
    for (const e of errors.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
    for (const r of batch) {
      const list = byRow.get(r.row);
      if (!list) continue;
      for (const e of list) if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(e);
      this.badRows.push({ row: r.row, cells: r.cells, messages: list.map((e) => `${e.column}：${e.message}`) });
    }
  }
}

/** The data rows of a file in batches, after checking its header; the header cells go into `header`. */
async function* readBatches(file: UploadedFile, columns: readonly ColumnSpec[], size: number, header: string[]) {
  let index: Map<string, number> | undefined;
  let batch: ParsedRow[] = [];
  for await (const r of readSheet(file, (cells) => mapHeader(columns, cells).missing.length === 0)) {
    if (!index) {
      const m = mapHeader(columns, r.cells);
      if (m.missing.length) throw missingColumns(m.missing, r.row);
      index = m.index;
      header.push(...r.cells);
      continue;
    }
    batch.push(parsedRow(index, r.row, r.cells));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (!index) throw missingColumns(columns.filter((c) => c.required).map((c) => c.header), 1);
  if (batch.length) yield batch;
}

function missingColumns(headers: string[], row: number) {
  const errors = headers.map((column) => ({ row, column, message: `缺少必填列“${column}”，请使用导入模板` }));
  return new ImportInvalidError({ total: 0, errors, errorCount: errors.length, errorReportToken: null });
}

class Rollback extends Error {}

export function createImportRunner({ db, reports }: { db: Db; reports: ErrorReportStore }) {
  const keepReport = async (actor: Actor, kind: IoKind, file: UploadedFile, header: string[], report: FileReport) =>
    report.badRows.length ? reports.put(actor.userId, { kind, fileName: file.fileName, header, rows: report.badRows }) : null;

  return {
    /**
     * Validates every row and lands the good ones in one transaction, batch by batch (multi-row inserts,
     * search rows built on worker threads meanwhile). mode=all: nothing lands unless every row is good.
     */
    async importFile(actor: Actor, kind: IoKind, file: UploadedFile, opts: ImportOptions): Promise<ImportResult> {
      if (!canImport(actor)) throw forbidden();
      const importer = importers[kind];
      const report = new FileReport();
      const header: string[] = [];
      const batchSize = opts.batchSize ?? BATCH_SIZE;
      let imported = 0;
      let batches = 0;
      let tally = { skipped: 0, updated: 0 };
      // a big file into a small embedded directory: indexes built once at the end (see io-bulk-indexes.ts)
      const embedded = isEmbedded(db);
      const bulkTables = embedded ? importer.bulkTables : undefined;
      let deferDecided = !bulkTables?.length;
      let rebuildIndexes: (() => Promise<void>) | undefined;
      try {
        await db.transaction(async (tx) => {
          const ctx = await importer.prepare(tx, actor, { existing: opts.existing, alone: embedded });
          // batch k is written once batch k+1 is read and checked and its search rows are queued: the worker builds
          // k's rows while k-1 is written and k+1 read (with only that, the main thread was left half of them to build)
          let landing: Promise<void> = Promise.resolve();
          let next: (() => Promise<void>) | undefined;
          const landNext = async () => {
            await timed('wait for landing', () => landing);
            if (!next) return;
            landing = next();
            landing.catch(() => undefined);
            next = undefined;
          };
          for await (const batch of timedIterable('read', readBatches(file, importer.columns, batchSize, header))) {
            const t0 = performance.now();
            const errors = new RowErrors(importer.columns);
            const checked = timedSync('check', () => importer.check(ctx, batch, errors));
            // a file of more than one batch: the workers start while the first batch's rows are built in place
            const parallel = batches++ > 0;
            if (!parallel && batch.length === batchSize && importer.searchDocs) void warmSearchRowPool();
            const mayLand = opts.mode === 'valid' || report.errorCount + errors.errors.length === 0;
            const searchRows =
              importer.searchDocs && mayLand && checked.length ? buildSearchRows(importer.searchDocs(checked), parallel, { binary: embedded && importer.copiesSearchRows }) : Promise.resolve([]);
            searchRows.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
            const records = await timed('confirm', () => importer.confirm(tx, ctx, checked, errors));
            report.collect(batch, errors);
            if ((opts.mode === 'valid' || report.errorCount === 0) && records.length) {
              const ids = new Set(records.map((r) => (r as { id?: string }).id));
              const secondBatch = batches >= 2;
              const land = () => timed('wait for search rows', () => helpBuildSearchRows(searchRows)).then(async (rows) => {
                if (!deferDecided && secondBatch) {
                  deferDecided = true;
                  const existing = (await countRows(tx, bulkTables![0])) - imported;
                  if (shouldDefer(report.total, existing, batchSize)) rebuildIndexes = await timed('drop indexes', () => deferIndexes(tx, bulkTables!));
                }
                // the search rows of records that the database checks refused are dropped
                await importer.land(tx, records, records.length === checked.length ? rows : rows.filter((r) => ids.has(r.entityId)), {
                  bulk: rebuildIndexes !== undefined,
                  copy: embedded,
                });
                imported += records.filter((r) => !(r as { existingId?: string }).existingId).length;
              });
              await landNext();
              next = land;
            }
            opts.onBatch?.({ rows: batch.length, ms: performance.now() - t0 });
          }
          await landNext();
          await landing;
          // every search row is built: the workers' memory goes back before the index builds take theirs
          releaseSearchRowPool();
          if (opts.mode === 'all' && report.errorCount) throw new Rollback();
          if (rebuildIndexes) {
            await timed('rebuild indexes', rebuildIndexes);
            await timed('check bulk writes', async () => importer.afterBulk?.(tx));
          }
          tally = importer.tally?.(ctx) ?? tally;
          if (imported || tally.updated) {
            await recordAudit(tx, actor, {
              action: 'import',
              entity: kindEntities[kind],
              after: {
                count: imported,
                updated: tally.updated,
                skipped: tally.skipped,
                fileName: file.fileName,
                mode: opts.mode,
                existing: opts.existing ?? 'skip',
                total: report.total,
                rejected: report.badRows.length,
              },
            });
          }
        });
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
        const errorReportToken = await keepReport(actor, kind, file, header, report);
        throw new ImportInvalidError({ total: report.total, errors: report.listed, errorCount: report.errorCount, errorReportToken });
      }
      if (imported + tally.updated >= GIN_CLEAN_FROM) await timed('clean gin pending lists', () => cleanGinPendingLists(db, ['organizations', 'people', 'search_documents']));
      return {
        imported,
        ...tally,
        total: report.total,
        errors: report.listed,
        errorCount: report.errorCount,
        errorReportToken: await keepReport(actor, kind, file, header, report),
      };
    },

    /**
     * Every row validated and its likely duplicates listed, nothing written. Set-based and bounded: each
     * chunk of rows is one duplicate query (indexed joins, see findOrganizationDuplicatesBatch) in its own
     * short read-only transaction, and the event loop is yielded between chunks, so that on the embedded
     * database (which runs on the server's thread) other requests, /api/health included, go in between.
     */
    async checkFile(actor: Actor, kind: IoKind, file: UploadedFile, opts: { batchSize?: number; chunkSize?: number } = {}): Promise<ImportCheck> {
      if (!canImport(actor)) throw forbidden();
      const importer = importers[kind];
      const report = new FileReport();
      const duplicates: ImportCheck['duplicates'] = [];
      const chunkSize = opts.chunkSize ?? CHECK_CHUNK;
      const ex: Executor = db;
      const ctx = await importer.prepare(ex, actor, { existing: 'skip' });
      for await (const batch of readBatches(file, importer.columns, opts.batchSize ?? BATCH_SIZE, [])) {
        for (let i = 0; i < batch.length; i += chunkSize) {
          const chunk = batch.slice(i, i + chunkSize);
          const errors = new RowErrors(importer.columns);
          await importer.confirm(ex, ctx, importer.check(ctx, chunk, errors), errors);
          report.collect(chunk, errors);
          await yieldToEventLoop();
          duplicates.push(...(await importer.duplicates(db, ctx, actor, chunk)));
          await yieldToEventLoop();
        }
      }
      return {
        total: report.total,
        valid: report.total - report.badRows.length,
        errors: report.listed,
        errorCount: report.errorCount,
        duplicates,
        matched: importer.tally?.(ctx).skipped ?? 0,
        nearNamesChecked: importer.nearNamesChecked?.(ctx) ?? report.total,
      };
    },
  };
}
