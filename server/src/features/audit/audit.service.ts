import type { Readable } from 'node:stream';
import type { AuditLocale } from '../../../../common/audit';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { xlsxStream } from '../io/io-xlsx';
import { auditExportCells, auditExportColumns, presentAuditEntry } from './audit.presenter';
import { auditEntriesForExport, countAudit, listAudit, recordAudit, type AuditFilter } from './audit.repository';

export const canReadAudit = (actor: Actor) => actor.role === 'admin';

/** An export holds at most this many entries (newest first); narrow the filter for older ones. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export function createAuditService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, filter: AuditFilter & { page: number; pageSize: number }) {
      if (!canReadAudit(actor)) throw forbidden();
      const { rows, total } = await listAudit(db, filter);
      return { items: rows.map(presentAuditEntry), total, page: filter.page, pageSize: filter.pageSize };
    },

    /**
     * The filtered log as XLSX in the reader's language (labels, readable changes), as masked as the log
     * itself; the export is audit-logged, with its filter and row count, before the first byte.
     */
    async exportXlsx(actor: Actor, filter: AuditFilter, locale: AuditLocale): Promise<{ fileName: string; body: Readable }> {
      if (!canReadAudit(actor)) throw forbidden();
      const total = Math.min(await countAudit(db, filter), AUDIT_EXPORT_LIMIT);
      const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
      await recordAudit(db, actor, { action: 'export', entity: 'audit', entityName: null, after: { format: 'xlsx', filter: given, count: total } });
      async function* rows() {
        for await (const r of auditEntriesForExport(db, filter, AUDIT_EXPORT_LIMIT)) yield auditExportCells(r, locale);
      }
      const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const sheet = locale === 'en' ? 'Audit log' : '审计日志';
      return {
        fileName: `${locale === 'en' ? 'audit-log' : '审计日志'}-${day}.xlsx`,
        body: xlsxStream([{ name: sheet, columns: auditExportColumns(locale), rows: rows() }]),
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
