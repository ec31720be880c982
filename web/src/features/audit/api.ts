import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEntrySchema } from '../../../../common/schemas/accounts';
import { api, type Page } from '../../lib/api';

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface AuditQuery {
  entity?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
