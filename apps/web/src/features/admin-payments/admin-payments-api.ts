import type {
  AdminPaymentAccount,
  AdminPaymentAccountList,
  PaymentAccountBody,
  ProofStatus,
  RejectBody,
  ReviewDetail,
  ReviewQueue,
} from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';

const base = '/api/admin/manual-payments';

export function listProofs(status: ProofStatus, page: number): Promise<ReviewQueue> {
  return apiRequest(`${base}?status=${status}&page=${page}&limit=25`);
}
export function getProof(id: string): Promise<ReviewDetail> {
  return apiRequest(`${base}/${id}`);
}
export function approveProof(id: string): Promise<ReviewDetail> {
  return apiRequest(`${base}/${id}/approve`, { method: 'POST', body: {} });
}
export function rejectProof(id: string, body: RejectBody): Promise<ReviewDetail> {
  return apiRequest(`${base}/${id}/reject`, { method: 'POST', body });
}

const accounts = '/api/admin/payment-accounts';
export function listAccounts(): Promise<AdminPaymentAccountList> {
  return apiRequest(accounts);
}
export function createAccount(body: PaymentAccountBody): Promise<AdminPaymentAccount> {
  return apiRequest(accounts, { method: 'POST', body });
}
export function updateAccount(id: string, body: PaymentAccountBody): Promise<AdminPaymentAccount> {
  return apiRequest(`${accounts}/${id}`, { method: 'PUT', body });
}
export function setAccountActive(id: string, active: boolean): Promise<AdminPaymentAccount> {
  return apiRequest(`${accounts}/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST', body: {} });
}
export function reorderAccounts(ids: string[]): Promise<AdminPaymentAccountList> {
  return apiRequest(`${accounts}/reorder`, { method: 'POST', body: { ids } });
}
