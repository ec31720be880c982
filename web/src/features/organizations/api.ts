import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { Organization as OrganizationListItem } from '../../../../common/schemas/organizations';
import { useInvalidateDirectory } from '../directory/use-invalidate-directory';
import type { OrganizationDetail } from '../../../../common/schemas/organizations';
import type { DuplicateCandidate, MembershipTier, OrganizationKind, OrganizationSize } from '../directory/types';

/** Response shapes come from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type {
  Organization as OrganizationListItem,
  OrganizationDetail,
} from '../../../../common/schemas/organizations';

export interface OrganizationInput {
  name?: string;
  kind?: OrganizationKind;
  districtCode?: string | null;
  uscc?: string | null;
  aliases?: string[];
  formerNames?: string[];
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  industryIds?: string[];
  size?: OrganizationSize | null;
  website?: string | null;
  description?: string | null;
  force?: boolean;
}

export const organizationSorts = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'districtCode',
  '-districtCode',
] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export interface OrganizationFilters {
  q?: string;
  kind?: OrganizationKind;
  districtCode?: string;
  industryId?: string;
  networkId?: string;
  tier?: MembershipTier;
}

export interface OrganizationQuery extends OrganizationFilters {
  page: number;
  pageSize: number;
  sort: OrganizationSort;
}

const organizationsKey = ['organizations'] as const;
const detailPath = (id: string) => `/api/organizations/${encodeURIComponent(id)}`;

export function useOrganizations(query: OrganizationQuery) {
  return useQuery({
    queryKey: [...organizationsKey, 'list', query],
    queryFn: ({ signal }) =>
      api.get<Page<OrganizationListItem>>('/api/organizations', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function fetchOrganization(id: string, signal?: AbortSignal) {
  return api.get<OrganizationDetail>(detailPath(id), { signal });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: [...organizationsKey, 'detail', id],
    queryFn: ({ signal }) => fetchOrganization(id ?? '', signal),
    enabled: Boolean(id),
  });
}


export function useSaveOrganization() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: OrganizationInput }) =>
      id ? api.patch<OrganizationDetail>(detailPath(id), input) : api.post<OrganizationDetail>('/api/organizations', input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteOrganization() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(detailPath(id)),
    onSuccess: (_result, id) => invalidate(id),
  });
}

export function useMergeOrganization() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ keepId, sourceId }: { keepId: string; sourceId: string }) =>
      api.post<OrganizationDetail>(`${detailPath(keepId)}/merge`, { sourceId }),
    onSuccess: (_result, { sourceId }) => invalidate(sourceId),
  });
}

export interface OrganizationDuplicateQuery {
  name: string;
  uscc?: string;
  aliases?: string[];
  excludeId?: string;
}

export function fetchOrganizationDuplicates(query: OrganizationDuplicateQuery, signal?: AbortSignal) {
  return api.post<{ candidates: DuplicateCandidate[] }>('/api/organizations/duplicates', query, { signal });
}

/** Likely duplicates of what is being typed (the caller debounces `name`). */
export function useOrganizationDuplicates(query: OrganizationDuplicateQuery) {
  const name = query.name.trim();
  return useQuery({
    queryKey: [...organizationsKey, 'duplicates', { ...query, name }],
    queryFn: ({ signal }) => fetchOrganizationDuplicates({ ...query, name }, signal),
    enabled: name.length >= 2,
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}
