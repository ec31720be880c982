import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditAction, AuditEntity } from '../../../../common/audit';
import type { AuditEntry } from '../../../../common/schemas/accounts';
import { api, type Page } from '../../lib/api';

export type { AuditEntry } from '../../../../common/schemas/accounts';

export interface AuditFilters {
  entity?: AuditEntity;
  action?: AuditAction;
  actor?: string;
  /** part of the record's name */
  q?: string;
  from?: string;
  to?: string;
}

export function useAuditLog(query: AuditFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The filtered log as XLSX, in the interface language (the server logs the export). */
export function downloadAuditLog(filters: AuditFilters) {
  return api.download('/api/audit/export', { query: { ...filters }, fileName: 'audit-log.xlsx' });
}
