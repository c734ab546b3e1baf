import type { PaymentAccountBody, ProofStatus, RejectBody } from '@9tangle/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  approveProof,
  createAccount,
  getProof,
  listAccounts,
  listProofs,
  rejectProof,
  reorderAccounts,
  setAccountActive,
  updateAccount,
} from './admin-payments-api.ts';

const queueKey = ['admin', 'manual-payments'] as const;
const accountsKey = ['admin', 'payment-accounts'] as const;

export function useProofQueue(status: ProofStatus, page: number) {
  return useQuery({
    queryKey: [...queueKey, status, page],
    queryFn: () => listProofs(status, page),
    placeholderData: keepPreviousData,
  });
}
export function useProof(id: string | null) {
  return useQuery({
    queryKey: [...queueKey, 'detail', id],
    queryFn: () => getProof(id ?? ''),
    enabled: !!id,
  });
}

/** Approve or reject a proof; the queue and the proof are read again after. */
export function useReviewProof() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      a: { id: string; decision: 'approve' } | { id: string; decision: 'reject'; body: RejectBody },
    ) => (a.decision === 'approve' ? approveProof(a.id) : rejectProof(a.id, a.body)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKey }),
  });
}

export function useAccounts() {
  return useQuery({ queryKey: accountsKey, queryFn: listAccounts });
}
export function useSaveAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string | null; body: PaymentAccountBody }) =>
      a.id ? updateAccount(a.id, a.body) : createAccount(a.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}
export function useAccountActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: accountsKey });
  return {
    setActive: useMutation({
      mutationFn: (a: { id: string; active: boolean }) => setAccountActive(a.id, a.active),
      onSuccess,
    }),
    reorder: useMutation({ mutationFn: reorderAccounts, onSuccess }),
  };
}
