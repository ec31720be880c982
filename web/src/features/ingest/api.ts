import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LinkResult } from '../../../../common/schemas/ingest';
import type { ConfirmReportBody, ConfirmResult, ReportDetail, reportListSchema, sourcesResponse } from '../../../../common/schemas/reports';
import { api } from '../../lib/api';

export type { ConfirmReportBody, ConfirmResult, ReportDetail } from '../../../../common/schemas/reports';
export type { LinkResult } from '../../../../common/schemas/ingest';
export { eventKindOfReport, reportOrgRoles } from '../../../../common/schemas/reports';

const key = ['reports'] as const;

export function useReports(page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...key, 'list', page, pageSize],
    queryFn: ({ signal }) => api.get<z.infer<typeof reportListSchema>>('/api/reports', { query: { page, pageSize }, signal }),
  });
}

export function useReport(id: string) {
  return useQuery({ queryKey: [...key, id], queryFn: ({ signal }) => api.get<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`, { signal }) });
}

/** Keep a pasted text or an uploaded file as a report to review. */
export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string } | { file: File }) => {
      if ('file' in input) {
        const form = new FormData();
        form.append('file', input.file, input.file.name);
        return api.upload<ReportDetail>('/api/reports', form);
      }
      return api.post<ReportDetail>('/api/reports', { text: input.text });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useLink(report: ReportDetail | undefined, organizations: string[], people: { name: string; title: string | null }[]) {
  return useQuery({
    queryKey: [...key, report?.id, 'link'],
    enabled: !!report,
    staleTime: Infinity,
    queryFn: () => api.post<LinkResult>('/api/reports/link', { organizations, people }),
  });
}

export function useConfirmReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmReportBody) => api.post<ConfirmResult>(`/api/reports/${encodeURIComponent(id)}/confirm`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export function useSources(entityType: 'event' | 'organization' | 'person', entityId: string) {
  return useQuery({
    queryKey: ['sources', entityType, entityId],
    queryFn: ({ signal }) => api.get<z.infer<typeof sourcesResponse>>('/api/sources', { query: { entityType, entityId }, signal }),
  });
}
