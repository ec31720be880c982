import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { UserStatus } from '../../../../common/schemas/accounts';
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

/** The filters of the users list (the server's userListQuery); plain constants, so that no zod reaches the bundle. */
export const userRoles = ['admin', 'coordinator', 'expert', 'enterprise', 'viewer'] as const satisfies readonly Role[];
export const userStatuses = ['active', 'disabled', 'locked'] as const satisfies readonly UserStatus[];
export type { UserStatus } from '../../../../common/schemas/accounts';

export function useUsers(query: { q?: string; role?: Role; status?: UserStatus; page: number; pageSize: number }) {
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
