import type { Cart, CartItem } from '@9tangle/contracts';
import type { TaxRateRow } from '../../../db/schema/index.ts';
import { type CouponFacts, type PricingLine, priceCart } from '../pricing/pricing.ts';
import { lineProblem, maxQuantity } from './cart.policy.ts';
import { type ItemRef, refKey, type Sellable } from './sellables.repo.ts';

export interface ViewInput {
  rows: (ItemRef & { id: string; quantity: number })[];
  sellables: Map<string, Sellable>;
  enrolled: Set<string>;
  couponCode: string | null;
  coupon: CouponFacts | null;
  tax: TaxRateRow | null;
  now: Date;
  /**
   * The pricing lines of the rows (the signed-in cart's from `cartPricingRepo.linesOf`, the same the
   * checkout prices); only those whose row has no problem are priced.
   */
  pricingLines: PricingLine[];
}

/** A cart as the page shows it: every line with its problem, and the server's quote of the buyable ones. */
export function buildCartView(v: ViewInput): Cart {
  const known = v.rows.flatMap((r) => {
    const s = v.sellables.get(refKey(r));
    return s ? [{ r, s }] : [];
  });
  // The cart's currency is its first buyable line's: a course repriced in another currency since it was
  // added shows as wrong_currency rather than breaking the quote.
  const first = known.find(({ r, s }) => lineProblem(s, { ...opts(v, r), cartCurrency: null }) === null);
  const currency = first?.s.currency ?? known[0]?.s.currency ?? null;
  const items: CartItem[] = known.map(({ r, s }) => ({
    id: r.id,
    itemType: s.itemType,
    itemId: s.itemId,
    title: s.title,
    slug: s.slug,
    unitPriceMinor: s.priceMinor,
    currency: s.currency,
    quantity: s.isPhysical ? r.quantity : 1,
    maxQuantity: maxQuantity(s),
    problem: lineProblem(s, { ...opts(v, r), cartCurrency: currency }),
  }));
  const buyable = new Set(items.filter((i) => i.problem === null).map(refKey));
  const lines = v.pricingLines.filter((l) => buyable.has(refKey(l)));
  const quote =
    lines.length === 0
      ? null
      : priceCart({
          lines,
          coupon: v.couponCode ? { code: v.couponCode, facts: v.coupon } : null,
          shippingRate: null,
          tax: v.tax,
          now: v.now,
        });
  return {
    currency,
    couponCode: v.couponCode,
    items,
    unavailable: items.filter((i) => i.problem !== null),
    quote,
    count: items.reduce((n, i) => n + i.quantity, 0),
  };
}

function opts(v: ViewInput, r: ItemRef & { quantity: number }) {
  return { quantity: r.quantity, isEnrolled: r.itemType === 'course' && v.enrolled.has(r.itemId) };
}
