import type { ManualOrderView, PaymentAccountList, PaymentStatusList } from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';

const enc = encodeURIComponent;

/** What to pay for an order by transfer, where, and the proofs sent so far. */
export function getManualOrder(number: string): Promise<ManualOrderView> {
  return apiRequest(`/api/orders/${enc(number)}/manual`);
}

/** Send a proof: the file and its fields as multipart (the server checks the file by its bytes). */
export function sendProof(number: string, form: FormData): Promise<ManualOrderView> {
  return apiRequest(`/api/orders/${enc(number)}/manual-proofs`, { method: 'POST', body: form });
}

export function getPaymentStatus(): Promise<PaymentStatusList> {
  return apiRequest('/api/payments/status');
}

export function getManualAccounts(): Promise<PaymentAccountList> {
  return apiRequest('/api/payments/manual/accounts');
}
