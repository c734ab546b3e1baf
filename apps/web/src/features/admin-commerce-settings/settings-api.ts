import type {
  AdminCoupon,
  CouponBody,
  CouponList,
  ShippingRate,
  ShippingRateBody,
  ShippingZone,
  ShippingZoneBody,
  TaxRate,
  TaxRateBody,
} from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';

export const listCoupons = (q: string) =>
  apiRequest<CouponList>(`/api/admin/coupons?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`);
export const createCoupon = (body: CouponBody) =>
  apiRequest<AdminCoupon>('/api/admin/coupons', { method: 'POST', body });
export const updateCoupon = (id: string, body: CouponBody) =>
  apiRequest<AdminCoupon>(`/api/admin/coupons/${id}`, { method: 'PUT', body });
export const deactivateCoupon = (id: string) =>
  apiRequest<AdminCoupon>(`/api/admin/coupons/${id}/deactivate`, { method: 'POST' });

export const listZones = () => apiRequest<{ items: ShippingZone[] }>('/api/admin/shipping/zones');
export const createZone = (body: ShippingZoneBody) =>
  apiRequest<ShippingZone>('/api/admin/shipping/zones', { method: 'POST', body });
export const deleteZone = (id: string) =>
  apiRequest<void>(`/api/admin/shipping/zones/${id}`, { method: 'DELETE' });
export const createRate = (zoneId: string, body: ShippingRateBody) =>
  apiRequest<ShippingRate>(`/api/admin/shipping/zones/${zoneId}/rates`, { method: 'POST', body });
export const updateRate = (id: string, body: ShippingRateBody) =>
  apiRequest<ShippingRate>(`/api/admin/shipping/rates/${id}`, { method: 'PUT', body });
export const deleteRate = (id: string) =>
  apiRequest<void>(`/api/admin/shipping/rates/${id}`, { method: 'DELETE' });

export const listTaxRates = () => apiRequest<{ items: TaxRate[] }>('/api/admin/tax-rates');
export const putTaxRate = (country: string, body: TaxRateBody) =>
  apiRequest<TaxRate>(`/api/admin/tax-rates/${encodeURIComponent(country)}`, { method: 'PUT', body });
export const deleteTaxRate = (country: string) =>
  apiRequest<void>(`/api/admin/tax-rates/${encodeURIComponent(country)}`, { method: 'DELETE' });
