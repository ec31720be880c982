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

export function useIndustryLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ remove, ...link }: { upstreamId: string; downstreamId: string; remove?: boolean }) =>
      remove ? api.delete<void>('/api/industries/links', { query: link }) : api.post<void>('/api/industries/links', link),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industriesKey }),
  });
}

export interface IndustryTreeNode {
  value: string;
  title: string;
  key: string;
  count: number;
  children: IndustryTreeNode[];
}

/** parentId → nested nodes, children sorted by name; orphans (unknown parent) become roots. */
export function industryTree(industries: readonly Industry[]): IndustryTreeNode[] {
  const byId = new Map<string, IndustryTreeNode>();
  for (const industry of industries) {
    byId.set(industry.id, {
      value: industry.id,
      key: industry.id,
      title: industry.name,
      count: industry.organizationCount,
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
    nodes.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
    for (const node of nodes) sort(node.children);
  };
  sort(roots);
  return roots;
}
