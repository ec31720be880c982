import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import { useLocale } from '../../app/i18n';
import { shanghaiDateTime } from '../../../../common/shanghai-date';
import type { Agreement, Confirmation, EventDetail, EventSummary, PublicEvent, Registration } from '../../../../common/schemas/events';

export type { Agreement, Confirmation, EventDetail, EventSummary, PublicEvent, Registration } from '../../../../common/schemas/events';
export * from '../../../../common/events-vocabulary';

type Words = { zh: string; en: string };
/** The word of an enumeration value in the current language. */
export function useWords() {
  const { locale } = useLocale();
  return <K extends string>(labels: Record<K, Words>, code: K) => (locale === 'en' ? labels[code].en : labels[code].zh);
}
export function optionsOf<K extends string>(codes: readonly K[], labels: Record<K, Words>, locale: string) {
  return codes.map((value) => ({ value, label: locale === 'en' ? labels[value].en : labels[value].zh }));
}

export interface EventFilters {
  q?: string;
  kind?: string;
  status?: string;
  districtCode?: string;
  from?: string;
  to?: string;
  sort?: string;
}

const key = ['events'] as const;
const path = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export function useEvents(query: EventFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: ({ signal }) => api.get<Page<EventSummary>>('/api/events', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => api.get<EventDetail>(path(id ?? ''), { signal }), enabled: Boolean(id) });
}

export function useRegistrations(id: string, query: { page: number; pageSize: number; venueId?: string; status?: string }) {
  return useQuery({
    queryKey: [...key, 'registrations', id, query],
    queryFn: ({ signal }) => api.get<Page<Registration>>(`${path(id)}/registrations`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key });
}

export function useCreateEvent() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.post<EventDetail>('/api/events', input), onSuccess: () => invalidate() });
}
export function useUpdateEvent(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.patch<EventDetail>(path(id), input), onSuccess: () => invalidate() });
}
export function useNextOccurrence(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<EventDetail>(`${path(id)}/next`), onSuccess: () => invalidate() });
}
export function useAddAgreement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.post<Agreement>(`${path(id)}/agreements`, input), onSuccess: () => invalidate() });
}
export function useRegistrationStatus(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ registrationId, status }: { registrationId: string; status: 'approved' | 'cancelled' }) =>
      api.patch<Registration>(`${path(id)}/registrations/${registrationId}`, { status }),
    onSuccess: () => invalidate(),
  });
}
export function useCheckIn(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (code: string) => api.post<{ outcome: 'checked_in' | 'already'; registration: Registration }>(`${path(id)}/check-in`, { code }),
    onSuccess: () => invalidate(),
  });
}
export function useWalkIn(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.post<Registration>(`${path(id)}/walk-ins`, input), onSuccess: () => invalidate() });
}

// ------------------------------------------------------------------ public
export function usePublicEvent(id: string | undefined) {
  return useQuery({ queryKey: ['public-event', id], queryFn: ({ signal }) => api.get<PublicEvent>(`/api/public/events/${encodeURIComponent(id ?? '')}`, { signal }), enabled: Boolean(id), retry: false });
}
export function usePublicCalendar() {
  return useQuery({ queryKey: ['public-events'], queryFn: ({ signal }) => api.get<EventSummary[]>('/api/public/events', { signal }) });
}
export function useRegister(id: string) {
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.post<Confirmation>(`/api/public/events/${encodeURIComponent(id)}/registrations`, input) });
}
export function useCancelMine() {
  return useMutation({ mutationFn: (code: string) => api.post<Confirmation>(`/api/public/registrations/${encodeURIComponent(code)}/cancel`) });
}

/** "YYYY-MM-DDTHH:mm" in Shanghai of an instant (the value of a datetime-local field). */
export const toShanghaiInput = (iso: string | null | undefined) => (iso ? shanghaiDateTime(iso).replace(' ', 'T') : '');
/** "2024-09-20 09:00" in Shanghai */
export const shanghaiText = (iso: string | null | undefined) => (iso ? shanghaiDateTime(iso) : '');

export type { AgreementRow } from '../../../../common/schemas/events';
export function useAgreements(query: { page: number; pageSize: number; q?: string; kind?: string; review?: string }) {
  return useQuery({
    queryKey: [...key, 'agreements', query],
    queryFn: ({ signal }) => api.get<Page<import('../../../../common/schemas/events').AgreementRow>>('/api/agreements', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useAgreementReview() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, review }: { id: string; review: string }) => api.patch<Agreement>(`/api/agreements/${id}/review`, { review }), onSuccess: () => invalidate() });
}
