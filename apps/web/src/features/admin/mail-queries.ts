import { useMutation, useQueryClient } from '@tanstack/react-query';
import { retryMail } from '../../api/admin.ts';

export const mailQueryKey = ['admin', 'mail'] as const;

/** Queues a failed mail again and refreshes the list and the open mail. */
export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryMail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailQueryKey }),
  });
}
