import { randomBytes } from 'node:crypto';
import type { IoKind } from '../../../../common/schemas/io';

/** The bad rows of one import, as they were in the file, with their problems. */
export interface ErrorReport {
  kind: IoKind;
  fileName: string;
  header: string[];
  rows: { row: number; cells: string[]; messages: string[] }[];
}

interface Stored extends ErrorReport {
  userId: string | null;
  expires: number;
}

/**
 * Error reports kept in memory for an hour, each under a random token and only for the user who
 * imported (a restart forgets them: the user imports again). At most `max` are kept, oldest out first.
 */
export function createErrorReportStore({ ttlMs = 60 * 60 * 1000, max = 100, now = () => Date.now() } = {}) {
  const reports = new Map<string, Stored>();
  const sweep = () => {
    const t = now();
    for (const [token, r] of reports) if (r.expires <= t) reports.delete(token);
    while (reports.size > max) reports.delete(reports.keys().next().value!);
  };
  return {
    put(userId: string | null, report: ErrorReport): string {
      const token = randomBytes(24).toString('base64url');
      reports.set(token, { ...report, userId, expires: now() + ttlMs });
      sweep();
      return token;
    },
    get(userId: string | null, token: string): ErrorReport | undefined {
      sweep();
      const r = reports.get(token);
      return r && r.userId === userId ? r : undefined;
    },
  };
}
export type ErrorReportStore = ReturnType<typeof createErrorReportStore>;
