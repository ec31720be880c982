import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../lib/api';
import type { Role, Scope, User } from '../../../../common/schemas/accounts';

export type { Role, Scope, User } from '../../../../common/schemas/accounts';
export type ScopeKind = Scope['kind'];

// Runtime lists kept here rather than imported, so that zod (in common/schemas) stays out of the bundle.
export const roles = ['admin', 'coordinator', 'expert', 'enterprise', 'viewer'] as const satisfies readonly Role[];
export const scopeKinds = ['district', 'network'] as const satisfies readonly ScopeKind[];

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        const { user } = await api.get<{ user: User }>('/api/auth/me', { signal, authRedirect: false });
        return user;
      } catch (error) {
        if (isApiError(error, 'AUTH_REQUIRED')) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<{ user: User }>('/api/auth/login', credentials),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

/** Signs out, leaves for /login, then forgets everything cached for the old session. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: async () => {
      await navigate('/login', { replace: true });
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
