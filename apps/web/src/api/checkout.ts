import type {
  CheckoutOptions,
  CheckoutProvider,
  CheckoutQuote,
  CheckoutQuoteBody,
  CreateOrderBody,
  DownloadLink,
  MyOrderDetail,
  MyOrderPage,
  OrderStatusView,
  PlacedOrder,
  TestPaySession,
} from '@9tangle/contracts';
import { apiRequest } from './client.ts';

const enc = encodeURIComponent;

export const getCheckoutOptions = () => apiRequest<CheckoutOptions>('/api/checkout/options');
export const getCheckoutQuote = (body: CheckoutQuoteBody) =>
  apiRequest<CheckoutQuote>('/api/checkout/quote', { method: 'POST', body });
/** Place the order; the same `idempotencyKey` (one per checkout visit) never makes a second order. */
export const placeOrder = (body: CreateOrderBody, idempotencyKey: string) =>
  apiRequest<PlacedOrder>('/api/checkout/orders', {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
export const retryPayment = (number: string, provider: CheckoutProvider) =>
  apiRequest<PlacedOrder>(`/api/orders/${enc(number)}/payments`, { method: 'POST', body: { provider } });
export const getOrderStatus = (number: string) =>
  apiRequest<OrderStatusView>(`/api/orders/${enc(number)}/status`);
export const getTestPay = (ref: string) => apiRequest<TestPaySession>(`/api/payments/test/${enc(ref)}`);
export const pressTestPay = (ref: string, outcome: 'pay' | 'decline' | 'delay') =>
  apiRequest<TestPaySession>(`/api/payments/test/${enc(ref)}/${outcome}`, { method: 'POST' });
export const listMyOrders = (cursor?: string) =>
  apiRequest<MyOrderPage>(`/api/orders${cursor ? `?cursor=${enc(cursor)}` : ''}`);
export const getMyOrder = (number: string) => apiRequest<MyOrderDetail>(`/api/orders/${enc(number)}`);
export const createDownloadLink = (grantId: string) =>
  apiRequest<DownloadLink>(`/api/downloads/${enc(grantId)}/link`, { method: 'POST' });
