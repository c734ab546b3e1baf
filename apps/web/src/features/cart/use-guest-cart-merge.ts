import { useEffect, useRef } from 'react';
import { useMe } from '../session/use-me.ts';
import { useMergeCart } from './cart-queries.ts';
import { guestCart, useGuestCart } from './guest-cart.ts';

/**
 * Right after sign-in, hand the guest's browser cart to the server (`POST /api/cart/merge`, ids and
 * quantities only) and forget it here. Items the server refuses are simply left out.
 */
export function useGuestCartMerge() {
  const { data: me } = useMe();
  const items = useGuestCart();
  const merge = useMergeCart();
  const running = useRef(false);
  const isSignedIn = Boolean(me);
  useEffect(() => {
    if (!isSignedIn || items.length === 0 || running.current) return;
    running.current = true;
    merge.mutate(items, {
      onSettled: () => {
        guestCart.clear();
        running.current = false;
      },
    });
  }, [isSignedIn, items, merge]);
}
