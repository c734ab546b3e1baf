import type {
  AdminCertificate,
  AdminCertificateList,
  AdminCertificateQuery,
  CertificateVerification,
  MyCertificateList,
} from '@9tangle/contracts';
import { ApiError, apiRequest } from './client.ts';

const enc = encodeURIComponent;

/** The signed-in student's certificates (earlier completions are issued on the way). */
export function listMyCertificates(): Promise<MyCertificateList> {
  return apiRequest('/api/learning/certificates');
}

/** The public facts of a certificate code; null when there is no such certificate. */
export async function getCertificate(code: string): Promise<CertificateVerification | null> {
  try {
    return await apiRequest<CertificateVerification>(`/api/certificates/${enc(code)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export type AdminCertificateParams = Partial<Pick<AdminCertificateQuery, 'q' | 'status'>> & {
  page: number;
  limit: number;
};

export function listAdminCertificates(params: AdminCertificateParams): Promise<AdminCertificateList> {
  const query = new URLSearchParams({ page: String(params.page), limit: String(params.limit) });
  if (params.q) query.set('q', params.q);
  if (params.status) query.set('status', params.status);
  return apiRequest(`/api/admin/certificates?${query.toString()}`);
}

/** Revoke (`revoke`) or make valid again (`restore`), with the reason for the record. */
export function changeCertificate(
  id: string,
  action: 'revoke' | 'restore',
  reason: string,
): Promise<AdminCertificate> {
  return apiRequest(`/api/admin/certificates/${enc(id)}/${action}`, { method: 'POST', body: { reason } });
}
