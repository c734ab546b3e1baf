import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getManualOrder, getPaymentStatus, sendProof } from './manual-payments-api.ts';

export const manualOrderKey = (number: string) => ['manual-order', number] as const;
export const paymentStatusKey = ['payment-status'] as const;

/** Private to the buyer: fetched in the browser only. */
export function useManualOrder(number: string, isEnabled: boolean) {
  return useQuery({
    queryKey: manualOrderKey(number),
    queryFn: () => getManualOrder(number),
    enabled: isEnabled,
  });
}

export function usePaymentStatus(isEnabled: boolean) {
  return useQuery({ queryKey: paymentStatusKey, queryFn: getPaymentStatus, enabled: isEnabled });
}

export function useSendProof(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => sendProof(number, form),
    onSuccess: async (view) => {
      queryClient.setQueryData(manualOrderKey(number), view);
      await queryClient.invalidateQueries({ queryKey: paymentStatusKey });
    },
  });
}
