import type { CartLineProblem } from '@9tangle/contracts';
import { AppError, conflict, notFound } from '../../../http/errors.ts';
import type { PricingLine } from '../pricing/pricing.ts';
import type { Sellable } from './sellables.repo.ts';

/** The most units of one item a cart line may hold: 1 for courses and digital goods, else stock ≤ 99. */
export function maxQuantity(s: Sellable): number {
  if (!s.isPhysical) return 1;
  return Math.max(0, Math.min(99, s.stock ?? 99));
}

/** Why a line of `quantity` units cannot be bought now, or null when it can. */
export function lineProblem(
  s: Sellable,
  o: { quantity: number; cartCurrency: string | null; isEnrolled: boolean },
): CartLineProblem | null {
  if (!s.isListed) return 'not_for_sale';
  if (s.itemType === 'course' && s.priceMinor === 0) return 'free';
  if (o.isEnrolled) return 'already_enrolled';
  if (o.cartCurrency !== null && s.currency !== o.cartCurrency) return 'wrong_currency';
  if (s.isPhysical && s.stock !== null && s.stock <= 0) return 'out_of_stock';
  if (s.isPhysical && s.stock !== null && s.stock < o.quantity) return 'not_enough_stock';
  return null;
}

/**
 * The error adding `quantity` units of an item to a cart of `cartCurrency` gives, or null when it may
 * be added. The same rules serve adding, merging a guest's cart and moving from the wishlist.
 */
export function addRefusal(
  s: Sellable | undefined,
  o: { quantity: number; cartCurrency: string | null; isEnrolled: boolean },
): AppError | null {
  if (!s) return notFound('item');
  const problem = lineProblem(s, o);
  switch (problem) {
    case null:
      break;
    case 'not_for_sale':
      return conflict('not_for_sale', `“${s.title}” is not for sale.`);
    case 'free':
      return conflict('course_is_free', `“${s.title}” is free: enroll in it instead.`);
    case 'already_enrolled':
      return conflict('already_enrolled', `You already have access to “${s.title}”.`);
    case 'wrong_currency':
      return conflict(
        'cart_currency_mismatch',
        `Your cart is in ${o.cartCurrency}; “${s.title}” is priced in ${s.currency}. Check out or empty the cart first.`,
      );
    case 'out_of_stock':
    case 'not_enough_stock':
      return stockError(s);
  }
  if (o.quantity > maxQuantity(s)) return stockError(s);
  return null;
}

function stockError(s: Sellable): AppError {
  const n = maxQuantity(s);
  const message = n === 0 ? `“${s.title}” is out of stock.` : `Only ${n} of “${s.title}” can be bought.`;
  return new AppError('out_of_stock', 409, message, { available: n });
}

/** A guest's line as the pricing engine reads it (the signed-in cart's come from `cartPricingRepo`). */
export function toPricingLine(s: Sellable, quantity: number): PricingLine {
  return {
    itemType: s.itemType,
    itemId: s.itemId,
    title: s.title,
    unitPriceMinor: s.priceMinor,
    currency: s.currency,
    quantity: s.isPhysical ? quantity : 1,
    requiresShipping: s.isPhysical,
    weightGrams: s.isPhysical ? s.weightGrams : null,
    categoryId: s.categoryId,
  };
}
