import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Overview {
  counts: Record<string, number>;
}

export function useOverview() {
  return useQuery({
    queryKey: ['stats', 'overview'],
    queryFn: ({ signal }) => api.get<Overview>('/api/stats/overview', { signal }),
  });
}
