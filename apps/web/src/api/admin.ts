import { apiRequest } from './client.ts';
import type { MailDetail, MailList, MailStatus } from './types.ts';

export type MailListParams = { page: number; limit: number; status?: MailStatus | undefined };

export function listMail(params: MailListParams): Promise<MailList> {
  const query = new URLSearchParams({ page: String(params.page), limit: String(params.limit) });
  if (params.status) query.set('status', params.status);
  return apiRequest(`/api/admin/mail?${query.toString()}`);
}

export function getMail(id: string): Promise<MailDetail> {
  return apiRequest(`/api/admin/mail/${encodeURIComponent(id)}`);
}

export function retryMail(id: string): Promise<void> {
  return apiRequest(`/api/admin/mail/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}
