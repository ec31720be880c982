import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type {
  Membership as NetworkMember,
  Network as NetworkListItem,
  NetworkDetail,
  NetworkTreeNode,
} from '../../../../common/schemas/networks';
import type { MemberPosition, NetworkKind } from '../directory/types';
import { useInvalidateDirectory } from '../directory/use-invalidate-directory';

/** Response shapes come from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type {
  MemberCounts,
  Membership as NetworkMember,
  Network as NetworkListItem,
  NetworkDetail,
  NetworkHistoryEntry,
  NetworkTreeNode,
} from '../../../../common/schemas/networks';

export interface NetworkInput {
  name?: string;
  kind?: NetworkKind;
  parentId?: string | null;
  districtCode?: string | null;
  description?: string | null;
  declaredCounts?: Record<string, number>;
}

export interface MemberInput {
  organizationId?: string;
  personId?: string;
  /** an organisation's tier or a person's role */
  tier: MemberPosition;
  role?: string | null;
  joinedOn?: string | null;
}

export interface NetworkFilters {
  q?: string;
  kind?: NetworkKind;
  parentId?: string;
  districtCode?: string;
}

const networksKey = ['networks'] as const;
const detailPath = (id: string) => `/api/networks/${encodeURIComponent(id)}`;

export function useNetworks(query: NetworkFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...networksKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<NetworkListItem>>('/api/networks', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNetworkTree() {
  return useQuery({
    queryKey: [...networksKey, 'tree'],
    queryFn: ({ signal }) => api.get<NetworkTreeNode[]>('/api/networks/tree', { signal }),
  });
}

export function useNetwork(id: string | undefined) {
  return useQuery({
    queryKey: [...networksKey, 'detail', id],
    queryFn: ({ signal }) => api.get<NetworkDetail>(detailPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveNetwork() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: NetworkInput }) =>
      id ? api.patch<NetworkDetail>(detailPath(id), input) : api.post<NetworkDetail>('/api/networks', input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteNetwork() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(detailPath(id)),
    onSuccess: (_result, id) => invalidate(id),
  });
}

export function useAddMember(networkId: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: MemberInput) => api.post<NetworkMember>(`${detailPath(networkId)}/members`, input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateMember(networkId: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ membershipId, changes }: { membershipId: string; changes: Partial<Pick<NetworkMember, 'tier' | 'role' | 'leftOn'>> }) =>
      api.patch<NetworkMember>(`${detailPath(networkId)}/members/${encodeURIComponent(membershipId)}`, changes),
    onSuccess: () => invalidate(),
  });
}

/** Flat list of the tree, each with its depth, for selects and filters. */
export function flattenNetworkTree(nodes: readonly NetworkTreeNode[], depth = 0): (NetworkTreeNode & { depth: number })[] {
  return nodes.flatMap((node) => [{ ...node, depth }, ...flattenNetworkTree(node.children ?? [], depth + 1)]);
}
