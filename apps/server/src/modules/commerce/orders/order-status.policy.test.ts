import { OrderStatus } from '@9tangle/contracts';
import { describe, expect, it } from 'vitest';
import { type AdminTargetStatus, canTransition } from './order-status.policy.ts';

const targets: AdminTargetStatus[] = ['processing', 'shipped', 'delivered', 'fulfilled', 'cancelled'];
const allowed = new Set([
  'paid>processing>ship',
  'processing>shipped>ship',
  'shipped>delivered>ship',
  'paid>fulfilled>none',
  'processing>fulfilled>none',
  'pending>cancelled>ship',
  'pending>cancelled>none',
]);

describe('canTransition', () => {
  it('allows exactly the back-office transitions, for every status, target and kind of order', () => {
    for (const from of OrderStatus.options)
      for (const to of targets)
        for (const ship of [true, false])
          expect(
            canTransition(from, to, ship),
            `${from} → ${to} (${ship ? 'ships' : 'nothing to ship'})`,
          ).toBe(allowed.has(`${from}>${to}>${ship ? 'ship' : 'none'}`));
  });
});
