import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agendaItemSchema, agendaSchema, releaseSchema } from '../../../../common/schemas/event-meetings';
import { api } from '../../lib/api';

export type Agenda = z.infer<typeof agendaSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Release = z.infer<typeof releaseSchema>;
export { agendaSteps } from '../../../../common/schemas/event-meetings';

const path = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export function useAgenda(eventId: string) {
  return useQuery({ queryKey: ['events', 'agenda', eventId], queryFn: ({ signal }) => api.get<Agenda>(`${path(eventId)}/agenda`, { signal }) });
}
export function useReleases(eventId: string) {
  return useQuery({ queryKey: ['events', 'releases', eventId], queryFn: ({ signal }) => api.get<Release[]>(`${path(eventId)}/releases`, { signal }) });
}
export function useAddAgendaItem(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api.post<AgendaItem>(`${path(eventId)}/agenda`, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['events'] }), qc.invalidateQueries({ queryKey: ['needs'] })]),
  });
}
export function useUpdateAgendaItem(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, input }: { itemId: string; input: Record<string, unknown> }) => api.patch<AgendaItem>(`${path(eventId)}/agenda/${encodeURIComponent(itemId)}`, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['events'] }), qc.invalidateQueries({ queryKey: ['needs'] })]),
  });
}
export function useAddRelease(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api.post<Release>(`${path(eventId)}/releases`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
