import type { CardProvider } from '../../../platform/payments.ts';

/**
 * The card providers this academy takes, chosen from config (`payments` in config.ts): Stripe and PayPal
 * when their keys are set, the simulated test provider when neither is (or `TEST_PAYMENTS=true`). Each
 * provider slice adds its adapter here; manual transfers are not a card provider (they have their own
 * routes and an admin's approval turns into the same notifications).
 */
export type CardProviders = Map<CardProvider['name'], CardProvider>;

export function createCardProviders(list: (CardProvider | null)[]): CardProviders {
  const map: CardProviders = new Map();
  for (const p of list) if (p) map.set(p.name, p);
  return map;
}
