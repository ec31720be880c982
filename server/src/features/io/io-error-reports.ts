import { randomBytes } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { IoKind } from '../../../../common/schemas/io';
import type { Db } from '../../db/client';
import { importErrorReports } from '../../db/schema';

/** The bad rows of one import, as they were in the file, with their problems. */
export interface ErrorReport {
  kind: IoKind;
  fileName: string;
  header: string[];
  rows: { row: number; cells: string[]; messages: string[] }[];
}

/** Error reports are kept this long (7 days). */
export const ERROR_REPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Error reports kept in the database under a random token, only for the user who imported: any app
 * process serves them and a restart keeps them. Expired ones are purged whenever one is stored or read
 * (no timer, no memory held).
 */
export function createErrorReportStore({ db, ttlMs = ERROR_REPORT_TTL_MS, now = () => Date.now() }: { db: Db; ttlMs?: number; now?: () => number }) {
  const purge = () => db.delete(importErrorReports).where(lte(importErrorReports.expiresAt, new Date(now())));
  return {
    async put(userId: string | null, report: ErrorReport): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await purge();
      await db.insert(importErrorReports).values({
        token,
        userId,
        kind: report.kind,
        fileName: report.fileName,
        header: report.header,
        rows: report.rows,
        expiresAt: new Date(now() + ttlMs),
      });
      return token;
    },
    async get(userId: string | null, token: string): Promise<ErrorReport | undefined> {
      await purge();
      const [r] = await db
        .select()
        .from(importErrorReports)
        .where(and(eq(importErrorReports.token, token), sql`${importErrorReports.userId} is not distinct from ${userId}`));
      return r ? { kind: r.kind as IoKind, fileName: r.fileName, header: r.header, rows: r.rows } : undefined;
    },
  };
}
export type ErrorReportStore = ReturnType<typeof createErrorReportStore>;
