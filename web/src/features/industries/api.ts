import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Industry, IndustryChain } from '../../../../common/schemas/industries';

/** Response shapes come from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type { Industry, IndustryChain } from '../../../../common/schemas/industries';
export type ChainNode = IndustryChain['nodes'][number];

export interface IndustryInput {
  name: string;
  parentId?: string | null;
  description?: string | null;
}

const industriesKey = ['industries'] as const;

/** The whole taxonomy (small): for tags, selects and the 产业链 page. */
export function useIndustries() {
  return useQuery({
    queryKey: [...industriesKey, 'all'],
    queryFn: ({ signal }) => api.get<Industry[]>('/api/industries', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useIndustryChain(industryId?: string) {
  return useQuery({
    queryKey: [...industriesKey, 'chain', industryId ?? null],
    queryFn: ({ signal }) => api.get<IndustryChain>('/api/industries/chain', { query: { industryId }, signal }),
  });
}

export function useCreateIndustry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IndustryInput) => api.post<Industry>('/api/industries', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industriesKey }),
  });
}

export function useUpdateIndustry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<IndustryInput> & { id: string }) => api.patch<Industry>(`/api/industries/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industriesKey }),
  });
}

/** One place up or down among its siblings. */
export function useMoveIndustry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, direction }: { id: string; direction: 'up' | 'down' }) =>
      api.post<Industry>(`/api/industries/${encodeURIComponent(id)}/move`, { direction }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industriesKey }),
  });
}

export function useDeleteIndustry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/industries/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industriesKey }),
  });
}

export interface IndustryLinkInput {
  upstreamId: string;
  downstreamId: string;
}

export const addIndustryLink = (link: IndustryLinkInput) => api.post<void>('/api/industries/links', link);
/** The one call that removes a link: where the link goes (body, path or query) is decided here only. */
export const removeIndustryLink = (link: IndustryLinkInput) => api.delete<void>('/api/industries/links', { query: { upstreamId: link.upstreamId, downstreamId: link.downstreamId } });

export function useIndustryLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ remove, ...link }: IndustryLinkInput & { remove?: boolean }) => (remove ? removeIndustryLink(link) : addIndustryLink(link)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industriesKey }),
  });
}

export interface IndustryTreeNode {
  value: string;
  title: string;
  key: string;
  count: number;
  sort: number;
  children: IndustryTreeNode[];
}

/** parentId → nested nodes, children in their order (sort, then name); orphans (unknown parent) become roots. */
export function industryTree(industries: readonly Industry[]): IndustryTreeNode[] {
  const byId = new Map<string, IndustryTreeNode>();
  for (const industry of industries) {
    byId.set(industry.id, {
      value: industry.id,
      key: industry.id,
      title: industry.name,
      count: industry.organizationCount,
      sort: industry.sort,
      children: [],
    });
  }
  const roots: IndustryTreeNode[] = [];
  for (const industry of industries) {
    const node = byId.get(industry.id);
    if (!node) continue;
    const parent = industry.parentId ? byId.get(industry.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: IndustryTreeNode[]) => {
    nodes.sort((a, b) => a.sort - b.sort || a.title.localeCompare(b.title, 'zh-CN'));
    for (const node of nodes) sort(node.children);
  };
  sort(roots);
  return roots;
}
