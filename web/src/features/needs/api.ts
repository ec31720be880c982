import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request, type Page } from '../../lib/api';
import type {
  CreateNeedBody,
  MatchCandidate,
  Need,
  NeedCategory,
  NeedDetail,
  NeedStatus,
  inboxSchema,
  serviceRecordBody,
} from '../../../../common/schemas/needs';

/** Response shapes from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type { MatchCandidate, Need, NeedCategory, NeedDetail, NeedStatus } from '../../../../common/schemas/needs';
export type Inbox = z.infer<typeof inboxSchema>;
export type ServiceRecordInput = z.input<typeof serviceRecordBody>;

export interface NeedFilters {
  q?: string;
  status?: NeedStatus;
  category?: NeedCategory;
  districtCode?: string;
  overdue?: 'true' | 'false';
  open?: 'true' | 'false';
  assignedToMe?: 'true';
  sort?: 'created' | 'deadline' | 'urgency' | 'title';
  dir?: 'asc' | 'desc';
}

const key = ['needs'] as const;
const path = (id: string) => `/api/needs/${encodeURIComponent(id)}`;

export function useNeeds(query: NeedFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: ({ signal }) => api.get<Page<Need>>('/api/needs', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => api.get<NeedDetail>(path(id ?? ''), { signal }), enabled: Boolean(id) });
}

export function useSimilarNeeds(title: string, organizationId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'similar', title, organizationId],
    queryFn: ({ signal }) => api.get<Need[]>('/api/needs/similar', { query: { title, organizationId }, signal }),
    enabled: title.trim().length >= 2,
  });
}

export function useMatches(id: string, enabled: boolean, type?: MatchCandidate['entityType']) {
  return useQuery({
    queryKey: [...key, 'matches', id, type],
    queryFn: ({ signal }) => api.get<{ items: MatchCandidate[] }>(`${path(id)}/matches`, { query: { type, limit: 10 }, signal }),
    enabled,
  });
}

export function useInbox() {
  return useQuery({ queryKey: [...key, 'inbox'], queryFn: ({ signal }) => api.get<Inbox>('/api/inbox', { signal }) });
}

export function useAccountLink() {
  return useQuery({
    queryKey: [...key, 'me'],
    queryFn: ({ signal }) => api.get<{ organizationId: string | null; personId: string | null }>('/api/needs-accounts/me', { signal }),
    staleTime: 60_000,
  });
}

function useInvalidateNeeds() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}

export function useCreateNeed() {
  const invalidate = useInvalidateNeeds();
  return useMutation({ mutationFn: (input: CreateNeedBody) => api.post<Need>('/api/needs', input), onSuccess: () => invalidate() });
}

export function useNeedStep(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (input: { action: 'accept' | 'reject' | 'resolve' | 'confirm' | 'reopen' | 'withdraw'; note?: string; rating?: number }) =>
      api.post<Need>(`${path(id)}/steps`, input),
    onSuccess: () => invalidate(),
  });
}

export function useAssign(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (input: { candidates: { personId?: string; organizationId?: string; score?: number }[] }) => api.post<Need>(`${path(id)}/assignments`, input),
    onSuccess: () => invalidate(),
  });
}

export function useAnswerAssignment(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (input: { assignmentId: string; accept: boolean; reason?: string }) =>
      api.post<Need>(`${path(id)}/assignments/${encodeURIComponent(input.assignmentId)}/answer`, { accept: input.accept, reason: input.reason }),
    onSuccess: () => invalidate(),
  });
}

export function useRecordService(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({ mutationFn: (input: ServiceRecordInput) => api.post<{ id: string }>(`${path(id)}/service-records`, input), onSuccess: () => invalidate() });
}

export function useMarkRead() {
  const invalidate = useInvalidateNeeds();
  return useMutation({ mutationFn: (itemId: string) => api.post<void>(`/api/inbox/${encodeURIComponent(itemId)}/read`), onSuccess: () => invalidate() });
}

export interface CalendarDay {
  day: string;
  working: boolean;
  name: string;
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: [...key, 'calendar', year], queryFn: ({ signal }) => api.get<CalendarDay[]>('/api/work-calendar', { query: { year }, signal }) });
}

export function useSaveCalendarDay() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (d: CalendarDay) => request<void>('PUT', '/api/work-calendar', { body: d }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteCalendarDay() {
  const invalidate = useInvalidateNeeds();
  return useMutation({ mutationFn: (day: string) => api.delete<void>(`/api/work-calendar/${day}`), onSuccess: () => invalidate() });
}

export function useImportCalendar() {
  const invalidate = useInvalidateNeeds();
  return useMutation({ mutationFn: (csv: string) => api.post<{ imported: number }>('/api/work-calendar/import', { csv }), onSuccess: () => invalidate() });
}

export function useInviteAccount() {
  return useMutation({
    mutationFn: (input: { kind: 'enterprise' | 'expert'; organizationId?: string; personId?: string; username: string; displayName: string; password: string }) => {
      const { kind, ...body } = input;
      return api.post<{ id: string; username: string }>(`/api/needs-accounts/${kind}`, body);
    },
  });
}

export const exportNeeds = (filters: NeedFilters) => api.download('/api/needs/export', { query: { ...filters }, fileName: 'needs.xlsx' });
