import type { MeResponse, UserDto } from '@9tangle/contracts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchMe } from '../../api/auth.ts';

export const meQueryKey = ['me'] as const;

/** The signed-in account (`data` is null when signed out, undefined while the first check runs). */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** Stores a fresh sign-in (register, login) and refetches to learn the rest (impersonation). */
export function storeSignIn(queryClient: QueryClient, user: UserDto, csrfToken: string): void {
  const me: MeResponse = { user, csrfToken, impersonated: false };
  queryClient.setQueryData<MeResponse | null>(meQueryKey, me);
  void queryClient.invalidateQueries({ queryKey: meQueryKey });
}

/** Replaces the user in the cached `me` after an account change. */
export function useUpdateMeUser(): (user: UserDto) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (user: UserDto) => {
      queryClient.setQueryData<MeResponse | null>(meQueryKey, (me) => (me ? { ...me, user } : me));
    },
    [queryClient],
  );
}
