import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** A query of the settings pages and a mutation that refetches it when it succeeds. */
export function useSettingsQuery<T>(key: readonly unknown[], fn: () => Promise<T>) {
  return useQuery({ queryKey: key, queryFn: fn });
}

export function useSettingsMutation<A, R>(key: readonly unknown[], fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const couponsKey = ['admin', 'coupons'] as const;
export const zonesKey = ['admin', 'shipping-zones'] as const;
export const taxRatesKey = ['admin', 'tax-rates'] as const;
