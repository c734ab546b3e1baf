import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AdminCertificateParams,
  changeCertificate,
  getCertificate,
  listAdminCertificates,
  listMyCertificates,
} from '../../api/certificates.ts';
import { SEEDED_STALE_TIME } from '../../lib/seed-queries.ts';

// `certificate` is part of the server-rendering contract: the server seeds the verification page under
// exactly this key (apps/server/src/modules/learning/learning.pages.ts) with the code as in the URL.
export const certificateQueryKey = (code: string) => ['certificate', code] as const;
// Private: fetched in the browser only, after hydration.
export const myCertificatesQueryKey = ['my-certificates'] as const;
export const adminCertificatesKey = ['admin', 'certificates'] as const;

/** `data` is null when there is no such certificate. */
export function useCertificate(code: string) {
  return useQuery({
    queryKey: certificateQueryKey(code),
    queryFn: () => getCertificate(code),
    staleTime: SEEDED_STALE_TIME,
  });
}

export function useMyCertificates(isEnabled: boolean) {
  return useQuery({ queryKey: myCertificatesQueryKey, queryFn: listMyCertificates, enabled: isEnabled });
}

export function useAdminCertificates(params: AdminCertificateParams) {
  return useQuery({
    queryKey: [...adminCertificatesKey, params],
    queryFn: () => listAdminCertificates(params),
    placeholderData: (previous) => previous,
  });
}

export function useChangeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'revoke' | 'restore'; reason: string }) =>
      changeCertificate(v.id, v.action, v.reason),
    onSuccess: async (certificate) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminCertificatesKey }),
        queryClient.invalidateQueries({ queryKey: certificateQueryKey(certificate.code) }),
      ]);
    },
  });
}
