import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { z } from 'zod';
import type { Person as PersonListItem, PersonDetail, unmaskedPersonSchema } from '../../../../common/schemas/people';
import type { DuplicateCandidate, PersonRole } from '../directory/types';
import { useInvalidateDirectory } from '../directory/use-invalidate-directory';

/** Response shapes come from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type { Affiliation, Person as PersonListItem, PersonDetail } from '../../../../common/schemas/people';

export interface AffiliationInput {
  organizationId?: string | null;
  organizationName: string;
  position?: string | null;
  startOn?: string | null;
  endOn?: string | null;
  isContact?: boolean;
}

export interface PersonInput {
  name?: string;
  roles?: PersonRole[];
  districtCode?: string | null;
  expertise?: string[];
  industryIds?: string[];
  bio?: string | null;
  phone?: string | null;
  email?: string | null;
  politicalAffiliation?: string | null;
  politicalConsent?: boolean;
  affiliations?: AffiliationInput[];
  force?: boolean;
}

export type UnmaskedContact = z.infer<typeof unmaskedPersonSchema>;

export const personSorts = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type PersonSort = (typeof personSorts)[number];

export interface PersonFilters {
  q?: string;
  role?: PersonRole;
  organizationId?: string;
  networkId?: string;
  industryId?: string;
  districtCode?: string;
}

export interface PersonQuery extends PersonFilters {
  page: number;
  pageSize: number;
  sort: PersonSort;
}

const peopleKey = ['people'] as const;
const detailPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export function usePeople(query: PersonQuery) {
  return useQuery({
    queryKey: [...peopleKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<PersonListItem>>('/api/people', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function fetchPerson(id: string, signal?: AbortSignal) {
  return api.get<PersonDetail>(detailPath(id), { signal });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: [...peopleKey, 'detail', id],
    queryFn: ({ signal }) => fetchPerson(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export function useSavePerson() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PersonInput }) =>
      id ? api.patch<PersonDetail>(detailPath(id), input) : api.post<PersonDetail>('/api/people', input),
    onSuccess: () => invalidate(),
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(detailPath(id)),
    onSuccess: (_result, id) => invalidate(id),
  });
}

export function useMergePerson() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ keepId, sourceId }: { keepId: string; sourceId: string }) =>
      api.post<PersonDetail>(`${detailPath(keepId)}/merge`, { sourceId }),
    onSuccess: (_result, { sourceId }) => invalidate(sourceId),
  });
}

/** Clear phone, email (and political affiliation when allowed); the server logs every call. */
export function useUnmaskPerson() {
  return useMutation({
    mutationFn: (id: string) => api.post<UnmaskedContact>(`${detailPath(id)}/unmask`),
  });
}

export interface PersonDuplicateQuery {
  name: string;
  organizationIds?: string[];
  phone?: string;
  excludeId?: string;
}

export function fetchPersonDuplicates(query: PersonDuplicateQuery, signal?: AbortSignal) {
  return api.post<{ candidates: DuplicateCandidate[] }>('/api/people/duplicates', query, { signal });
}

export function usePersonDuplicates(query: PersonDuplicateQuery) {
  const name = query.name.trim();
  return useQuery({
    queryKey: [...peopleKey, 'duplicates', { ...query, name }],
    queryFn: ({ signal }) => fetchPersonDuplicates({ ...query, name }, signal),
    enabled: name.length >= 2,
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}
