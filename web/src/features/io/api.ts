import { useMutation } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api';
import type { ImportCheck, ImportReport, ImportResult } from '../../../../common/schemas/io';
import { useInvalidateDirectory } from '../directory/use-invalidate-directory';

export const ioKinds = ['organizations', 'people', 'memberships', 'places'] as const;
export type IoKind = (typeof ioKinds)[number];
export type ImportMode = 'all' | 'valid';
/** a row matching an existing record exactly: skip it or update the record */
export type ExistingMode = 'skip' | 'update';
export type ExportFormat = 'xlsx' | 'csv';

/** Response shapes come from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type {
  ImportCheck,
  ImportDuplicateCandidate,
  ImportError as ImportRowError,
  ImportReport,
  ImportResult,
} from '../../../../common/schemas/io';

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export function useCheckImport(kind: IoKind) {
  return useMutation({
    mutationFn: (file: File) => api.upload<ImportCheck>(`/api/io/import/${kind}/check`, fileForm(file)),
  });
}

export function useRunImport(kind: IoKind) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ file, mode, existing }: { file: File; mode: ImportMode; existing: ExistingMode }) =>
      api.upload<ImportResult>(`/api/io/import/${kind}`, fileForm(file), { query: { mode, existing } }),
    onSuccess: () => invalidate(),
  });
}

export function downloadTemplate(kind: IoKind) {
  return api.download(`/api/io/templates/${kind}`, { fileName: `${kind}-template.xlsx` });
}

export function downloadErrorReport(token: string) {
  return api.download(`/api/io/error-report/${encodeURIComponent(token)}`, { fileName: 'import-errors.xlsx' });
}

export function downloadExport(kind: IoKind, format: ExportFormat, filters: Record<string, QueryValue>, unmasked = false) {
  return api.download(`/api/io/export/${kind}.${format}`, {
    query: { ...filters, unmasked: unmasked ? 1 : undefined },
    fileName: `${kind}.${format}`,
  });
}

/** The report of a 422 IMPORT_INVALID answer, if that is what `error` is. */
export function importReportOf(error: unknown): ImportReport | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== 'IMPORT_INVALID') return undefined;
  const body = (error as { body?: Record<string, unknown> }).body;
  const report = body?.report as Partial<ImportReport> | undefined;
  if (!report || !Array.isArray(report.errors)) return { total: 0, errors: [], errorCount: 0, errorReportToken: null };
  return {
    total: Number(report.total ?? 0),
    errors: report.errors,
    errorCount: report.errorCount ?? report.errors.length,
    errorReportToken: report.errorReportToken ?? null,
  };
}
