import type { OrderStatus } from '@9tangle/contracts';

/** The statuses an admin may move an order to by hand (the rest follow payments and refunds). */
export type AdminTargetStatus = 'processing' | 'shipped' | 'delivered' | 'fulfilled' | 'cancelled';

/**
 * Whether an admin may move an order from `from` to `to`. Physical orders go paid → processing →
 * shipped → delivered; an order with nothing to ship is fulfilled from paid or processing; only an
 * unpaid (pending) order can be cancelled — a paid one is refunded instead, so money and access follow.
 */
export function canTransition(from: OrderStatus, to: AdminTargetStatus, requiresShipping: boolean): boolean {
  switch (to) {
    case 'processing':
      return requiresShipping && from === 'paid';
    case 'shipped':
      return requiresShipping && from === 'processing';
    case 'delivered':
      return requiresShipping && from === 'shipped';
    case 'fulfilled':
      return !requiresShipping && (from === 'paid' || from === 'processing');
    case 'cancelled':
      return from === 'pending';
  }
}
