import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addToWishlist, getWishlist, moveToCart, removeFromWishlist } from './cart-api.ts';
import { cartKey } from './cart-queries.ts';

export const wishlistKey = ['wishlist'] as const;

export function useWishlist(isEnabled: boolean) {
  return useQuery({ queryKey: wishlistKey, queryFn: getWishlist, enabled: isEnabled });
}

export function useAddToWishlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addToWishlist,
    onSuccess: (list) => queryClient.setQueryData(wishlistKey, list),
  });
}

export function useRemoveFromWishlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFromWishlist,
    onSuccess: (list) => queryClient.setQueryData(wishlistKey, list),
  });
}

/** Move to the cart: the cart is answered, the wishlist refetched (the item left it). */
export function useMoveToCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveToCart,
    onSuccess: async (cart) => {
      queryClient.setQueryData(cartKey, cart);
      await queryClient.invalidateQueries({ queryKey: wishlistKey });
    },
  });
}
