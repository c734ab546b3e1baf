import { type Cart, type CartItemBody, isAccountShell } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../session/use-me.ts';
import {
  addToCart,
  getCart,
  mergeCart,
  previewCart,
  removeCartCoupon,
  removeFromCart,
  setCartCoupon,
  setCartQuantity,
} from './cart-api.ts';
import { useGuestCart } from './guest-cart.ts';

export const cartKey = ['cart'] as const;
/** How many items of the guest's cart the last merge left out (shown once on the cart page). */
export const mergeSkippedKey = ['cart-merge-skipped'] as const;
export const cartPreviewKey = (items: CartItemBody[], code: string) => ['cart-preview', items, code] as const;

/** The signed-in user's cart (private: fetched in the browser only). */
export function useCart(isEnabled: boolean) {
  return useQuery({ queryKey: cartKey, queryFn: getCart, enabled: isEnabled });
}

/** A guest's browser cart priced by the server. */
export function useCartPreview(items: CartItemBody[], couponCode: string) {
  return useQuery({
    queryKey: cartPreviewKey(items, couponCode),
    queryFn: () => previewCart(items, couponCode || undefined),
    enabled: items.length > 0,
  });
}

/**
 * The units in the cart, for the header: the account's cart, or the guest's in this browser. The
 * signed-in state carries the count, so the header does not fetch the whole priced cart on every page;
 * once this tab holds the cart (the cart page, or the answer of a change to it), its count is newer.
 */
export function useCartCount(): number {
  const { data: me } = useMe();
  const guest = useGuestCart();
  // A page shared by role starts with the account's shell (no count) until the account is put in.
  const isAccount = me ? !isAccountShell(me) : false;
  const cart = useCart(isAccount && me?.cartCount === undefined);
  if (me) return cart.data?.count ?? me.cartCount ?? 0;
  return guest.reduce((n, i) => n + (i.quantity ?? 1), 0);
}

/** Every cart change answers the new cart: store it. */
export function useCartMutation<A>(fn: (arg: A) => Promise<Cart>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (cart) => queryClient.setQueryData(cartKey, cart),
  });
}

export const useAddToCart = () => useCartMutation(addToCart);
export const useSetQuantity = () =>
  useCartMutation(({ id, quantity }: { id: string; quantity: number }) => setCartQuantity(id, quantity));
export const useRemoveLine = () => useCartMutation(removeFromCart);
export const useSetCoupon = () => useCartMutation(setCartCoupon);
export const useRemoveCoupon = () => useCartMutation((_: undefined) => removeCartCoupon());

/** The number of guest items the merge left out; 0 when none (or no merge happened). */
export function useMergeSkipped(): number {
  // Never fetched: the merge writes it into the cache, and this reads it reactively.
  return useQuery({ queryKey: mergeSkippedKey, queryFn: () => 0, enabled: false }).data ?? 0;
}

/** Merge a guest's cart into the account's (right after sign-in). */
export function useMergeCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeCart,
    onSuccess: (result) => {
      queryClient.setQueryData(cartKey, result.cart);
      queryClient.setQueryData(mergeSkippedKey, result.skipped.length);
    },
  });
}
