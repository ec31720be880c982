import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import { meQueryKey, type Role, type Scope, type User } from '../auth/api';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopes: Scope[];
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  scopes?: Scope[];
  password?: string;
  disabled?: boolean;
}

const usersKey = ['admin', 'users'] as const;

export function useUsers(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => api.get<Page<User>>('/api/admin/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<{ user: User }>('/api/admin/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserInput }) =>
      api.patch<{ user: User }>(`/api/admin/users/${encodeURIComponent(id)}`, changes),
    onSuccess: async ({ user }) => {
      const me = queryClient.getQueryData<User | null>(meQueryKey);
      if (me && me.id === user.id) queryClient.setQueryData(meQueryKey, user);
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}

/** Lets a user whose failed sign-ins make them wait try again at once. */
export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ user: User }>(`/api/admin/users/${encodeURIComponent(id)}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
