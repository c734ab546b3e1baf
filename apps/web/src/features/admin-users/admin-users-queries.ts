import type {
  AdminUserDetail,
  AdminUserList,
  ImpersonationResponse,
  Role,
  StopImpersonationResponse,
  UserDto,
} from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

const adminUsersKey = ['admin', 'users'] as const;

/** The list's filters as they sit in the page's URL (and go to the API as they are). */
export const USER_FILTERS = ['q', 'role', 'status', 'sort', 'page'] as const;
export type UserFilters = Partial<Record<(typeof USER_FILTERS)[number], string>>;

export function useAdminUsers(filters: UserFilters) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  return useQuery({
    queryKey: [...adminUsersKey, 'list', query.toString()],
    queryFn: () => apiRequest<AdminUserList>(`/api/admin/users?${query.toString()}`),
    placeholderData: (previous) => previous,
  });
}

export function useAdminUser(id: string) {
  return useQuery({
    queryKey: [...adminUsersKey, 'one', id],
    queryFn: () => apiRequest<AdminUserDetail>(`/api/admin/users/${encodeURIComponent(id)}`),
  });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersKey }),
  });
}

export const usePatchUser = (id: string) =>
  useInvalidating((body: { role?: Role; suspended?: boolean }) =>
    apiRequest<{ user: UserDto }>(`/api/admin/users/${id}`, { method: 'PATCH', body }),
  );

export const useAnonymiseUser = (id: string) =>
  useInvalidating((confirmEmail: string) =>
    apiRequest<{ user: UserDto }>(`/api/admin/users/${id}/anonymise`, {
      method: 'POST',
      body: { confirmEmail },
    }),
  );

export const useDeleteUser = (id: string) =>
  useInvalidating(() => apiRequest<void>(`/api/admin/users/${id}`, { method: 'DELETE' }));

/**
 * Sign in as the user. The session cookie changes under the page, so the whole app reloads as the
 * user (a soft refetch would keep admin-only data in the cache).
 */
export function useImpersonate(id: string) {
  return useMutation({
    mutationFn: () =>
      apiRequest<ImpersonationResponse>(`/api/admin/users/${id}/impersonate`, { method: 'POST' }),
    onSuccess: () => window.location.assign('/'),
  });
}

/** End the impersonation and come back to the user's page in the admin panel. */
export function useStopImpersonation() {
  return useMutation({
    mutationFn: () =>
      apiRequest<StopImpersonationResponse>('/api/auth/impersonation/stop', { method: 'POST' }),
    onSuccess: (_r, userId: string | undefined) =>
      window.location.assign(userId ? `/admin/users/${userId}` : '/admin/users'),
  });
}
