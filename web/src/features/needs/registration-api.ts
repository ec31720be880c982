import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseRegistration, EnterpriseRegistrationBody } from '../../../../common/schemas/enterprise-registrations';
import type { MatchWeights } from '../../../../common/schemas/needs';
import { api, request } from '../../lib/api';

const key = ['enterprise-registrations'] as const;

/** Public: an enterprise registers with its unified social credit code. */
export function useRegisterEnterprise() {
  return useMutation({
    mutationFn: (body: EnterpriseRegistrationBody) => api.post<{ id: string; status: string; organizationName: string }>('/api/public/enterprise-registrations', body),
  });
}

export function useEnterpriseRegistrations(status: EnterpriseRegistration['status'] | undefined) {
  return useQuery({
    queryKey: [...key, status ?? 'all'],
    queryFn: ({ signal }) => api.get<EnterpriseRegistration[]>('/api/enterprise-registrations', { query: status ? { status } : {}, signal }),
  });
}

export function useDecideRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; approve: boolean; reason?: string }) =>
      api.post<EnterpriseRegistration>(`/api/enterprise-registrations/${d.id}/decision`, { approve: d.approve, reason: d.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export interface WeightVersions {
  current: MatchWeights & { version: number | null };
  versions: { id: number; weights: MatchWeights; createdAt: string }[];
}

export function useMatchWeights() {
  return useQuery({ queryKey: ['match-weights'], queryFn: ({ signal }) => api.get<WeightVersions>('/api/match-weights', { signal }) });
}

export function useSaveMatchWeights() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: MatchWeights) => request<{ id: number }>('PUT', '/api/match-weights', { body: w }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['match-weights'] }),
  });
}
