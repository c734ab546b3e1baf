import type { Quote } from '@9tangle/contracts';
import type { Executor } from '../../../db/client.ts';
import type { CartRow, ShippingRateRow } from '../../../db/schema/index.ts';
import { AppError, badRequest, conflict } from '../../../http/errors.ts';
import { cartPricingRepo, type UnavailableLine } from '../cart/cart-pricing.repo.ts';
import { type CouponFacts, type PricingLine, priceCart } from '../pricing/pricing.ts';

export interface CheckoutQuoteInput {
  country: string;
  shippingRateId?: string | undefined;
  couponCode?: string | undefined;
}

export interface PricedCart {
  cart: CartRow;
  lines: PricingLine[];
  quote: Quote;
  facts: CouponFacts | null;
  rate: ShippingRateRow | null;
  /** Of the cart's courses, those the buyer has active access to (read with the lines). */
  enrolled: Set<string>;
}

/**
 * The server's quote of a buyer's cart for checkout, from the database only (ADR 026): the cart's lines,
 * the coupon (the body's code, else the cart's), the rate (only one that serves the country in the
 * cart's currency) and the country's tax. Null when the cart is empty; `unavailable` lists what cannot
 * be bought now.
 */
export async function quoteCart(
  x: Executor,
  userId: string,
  input: CheckoutQuoteInput,
  now: Date,
): Promise<{ priced: PricedCart | null; unavailable: UnavailableLine[] }> {
  // The country's tax comes with the lines, in the same statement.
  const read = await cartPricingRepo.cartWithLines(x, userId, now, input.country);
  if (!read) return { priced: null, unavailable: [] };
  const { cart, lines, unavailable, enrolled, tax } = read;
  const first = lines[0];
  if (!first) return { priced: null, unavailable };
  for (const l of lines)
    if (l.currency !== first.currency)
      unavailable.push({ itemType: l.itemType, itemId: l.itemId, title: l.title, reason: 'wrong_currency' });
  const priceable = lines.filter((l) => l.currency === first.currency);
  const code = input.couponCode ?? cart.couponCode ?? null;
  const facts = code ? await cartPricingRepo.couponFacts(x, code, userId) : null;
  const ships = priceable.some((l) => l.requiresShipping);
  const rate =
    ships && input.shippingRateId
      ? await cartPricingRepo.rateFor(x, input.shippingRateId, input.country, first.currency)
      : null;
  const quote = priceCart({
    lines: priceable,
    coupon: code ? { code, facts } : null,
    shippingRate: rate,
    tax,
    now,
  });
  return { priced: { cart, lines: priceable, quote, facts, rate, enrolled }, unavailable };
}

/** The refusals of placing an order: an empty cart, lines not for sale, a bad coupon, a missing rate. */
export function assertOrderable(
  r: { priced: PricedCart | null; unavailable: UnavailableLine[] },
  input: CheckoutQuoteInput & { shippingAddress?: unknown },
): PricedCart {
  if (r.unavailable.length > 0)
    throw new AppError('cart_unavailable', 409, 'Some items in your cart cannot be bought now', {
      unavailable: r.unavailable,
    });
  const priced = r.priced;
  if (!priced) throw conflict('cart_empty', 'Your cart is empty');
  const ownedLine = priced.lines.find((l) => l.itemType === 'course' && priced.enrolled.has(l.itemId));
  if (ownedLine)
    throw new AppError('already_owned', 409, `You already have access to “${ownedLine.title}”`, {
      itemId: ownedLine.itemId,
    });
  const problem = priced.quote.coupon?.problem ?? null;
  if (problem)
    throw new AppError('coupon_invalid', 409, 'This coupon cannot be used on this order', { problem });
  if (priced.quote.requiresShipping) {
    if (!input.shippingAddress || !input.shippingRateId)
      throw badRequest('shipping_required', 'A shipping address and method are needed for items that ship');
    if (!priced.rate)
      throw conflict('shipping_rate_invalid', 'This shipping method does not serve that country');
  }
  return priced;
}
