import type { CartItemBody } from '@9tangle/contracts';
import { useSyncExternalStore } from 'react';

/**
 * A guest's cart, kept in this browser until they sign in: ids and quantities only (prices always
 * come from the server, `POST /api/cart/preview`), merged into the account's cart on sign-in.
 */
const KEY = '9tangle.guestCart';
const EVENT = '9tangle:guest-cart';
const EMPTY: CartItemBody[] = [];
let cached: { raw: string | null; items: CartItemBody[] } = { raw: null, items: EMPTY };

function read(): CartItemBody[] {
  if (typeof window === 'undefined') return EMPTY;
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return EMPTY;
  }
  if (raw === cached.raw) return cached.items;
  cached = { raw, items: parse(raw) };
  return cached.items;
}

function parse(raw: string | null): CartItemBody[] {
  if (!raw) return EMPTY;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return EMPTY;
    return value.flatMap((v) =>
      v &&
      typeof v === 'object' &&
      (v.itemType === 'course' || v.itemType === 'product') &&
      typeof v.itemId === 'string'
        ? [
            {
              itemType: v.itemType,
              itemId: v.itemId,
              quantity: Number.isInteger(v.quantity) ? v.quantity : 1,
            },
          ]
        : [],
    );
  } catch {
    return EMPTY;
  }
}

function write(items: CartItemBody[]) {
  try {
    if (items.length === 0) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(items.slice(0, 50)));
  } catch {
    // Private mode or a full storage: the guest cart just does not persist.
  }
  window.dispatchEvent(new Event(EVENT));
}

export const guestCart = {
  items: read,
  add(item: CartItemBody) {
    const items = read();
    const existing = items.find((i) => i.itemType === item.itemType && i.itemId === item.itemId);
    if (existing && item.itemType === 'course') return;
    write(
      existing
        ? items.map((i) =>
            i === existing ? { ...i, quantity: Math.min(99, (i.quantity ?? 1) + (item.quantity ?? 1)) } : i,
          )
        : [...items, { ...item, quantity: item.quantity ?? 1 }],
    );
  },
  setQuantity(itemId: string, quantity: number) {
    write(read().map((i) => (i.itemId === itemId ? { ...i, quantity } : i)));
  },
  remove(itemId: string) {
    write(read().filter((i) => i.itemId !== itemId));
  },
  clear() {
    write([]);
  },
};

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The guest cart, re-rendering on changes (in this tab and others); empty on the server. */
export function useGuestCart(): CartItemBody[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}
