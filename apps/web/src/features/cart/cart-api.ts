import type { Cart, CartItemBody, CartMergeResult, WishlistBody, WishlistList } from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';

export const getCart = () => apiRequest<Cart>('/api/cart');
export const addToCart = (body: CartItemBody) =>
  apiRequest<Cart>('/api/cart/items', { method: 'POST', body });
export const setCartQuantity = (id: string, quantity: number) =>
  apiRequest<Cart>(`/api/cart/items/${id}`, { method: 'PATCH', body: { quantity } });
export const removeFromCart = (id: string) => apiRequest<Cart>(`/api/cart/items/${id}`, { method: 'DELETE' });
export const setCartCoupon = (code: string) =>
  apiRequest<Cart>('/api/cart/coupon', { method: 'PUT', body: { code } });
export const removeCartCoupon = () => apiRequest<Cart>('/api/cart/coupon', { method: 'DELETE' });
export const mergeCart = (items: CartItemBody[]) =>
  apiRequest<CartMergeResult>('/api/cart/merge', { method: 'POST', body: { items } });
export const previewCart = (items: CartItemBody[], couponCode?: string) =>
  apiRequest<CartMergeResult>('/api/cart/preview', {
    method: 'POST',
    body: couponCode ? { items, couponCode } : { items },
  });

export const getWishlist = () => apiRequest<WishlistList>('/api/wishlist');
export const addToWishlist = (body: WishlistBody) =>
  apiRequest<WishlistList>('/api/wishlist', { method: 'POST', body });
export const removeFromWishlist = (id: string) =>
  apiRequest<WishlistList>(`/api/wishlist/${id}`, { method: 'DELETE' });
export const moveToCart = (id: string) =>
  apiRequest<Cart>(`/api/wishlist/${id}/move-to-cart`, { method: 'POST' });
