import type { CouponProblem, Quote, QuoteLine } from '@9tangle/contracts';
import type { CouponRow, CouponTargetRow, ShippingRateRow, TaxRateRow } from '../../../db/schema/index.ts';

/**
 * The one place that turns a cart into money: pure functions, tested exhaustively in pricing.test.ts.
 * The cart page, the checkout review and the order all call `priceCart` with what the server loaded —
 * never with a browser's prices or totals.
 *
 * Rules:
 * - A line's subtotal is unit price × quantity. Every line shares the cart's currency.
 * - A coupon applies to its eligible lines (those its targets name, or every line without targets).
 *   Percent: round(eligible subtotal × percent / 100). Fixed: its amount, at most the eligible subtotal.
 *   The discount is split across the eligible lines in proportion to their subtotals (largest
 *   remainder), so the lines add up to the order exactly.
 * - Shipping is charged only when a line ships: base + per started kilogram, free from `freeOverMinor` of
 *   goods that ship (after their discount).
 * - Tax, by the buyer's country, is computed per line on its discounted subtotal (not on shipping) and
 *   rounded half up per line. Exclusive: added to the total. Inclusive: the part of the price that is
 *   tax, shown but not added.
 * - total = subtotal − discount + shipping + (exclusive tax).
 */

export interface PricingLine {
  itemType: 'course' | 'product';
  itemId: string;
  title: string;
  unitPriceMinor: number;
  currency: string;
  quantity: number;
  requiresShipping: boolean;
  /** Per unit; null counts as 0. */
  weightGrams: number | null;
  /** The course's category, or the product's shop category (for coupon targets). */
  categoryId: string | null;
}

export interface CouponFacts {
  coupon: CouponRow;
  targets: Pick<CouponTargetRow, 'targetType' | 'targetId'>[];
  /** Orders of this buyer that hold the coupon now (pending or paid). */
  redeemedByUser: number;
}

export interface PricingInput {
  lines: PricingLine[];
  /** What the buyer typed, and what it matched (null when no coupon of that code exists). */
  coupon: { code: string; facts: CouponFacts | null } | null;
  shippingRate: ShippingRateRow | null;
  tax: TaxRateRow | null;
  now: Date;
}

/** Why a coupon cannot be used on these lines now, or null when it can. */
export function couponProblem(
  facts: CouponFacts,
  lines: PricingLine[],
  currency: string,
  now: Date,
): CouponProblem | null {
  const { coupon, targets, redeemedByUser } = facts;
  if (!coupon.active) return 'inactive';
  if (coupon.startsAt && coupon.startsAt.getTime() > now.getTime()) return 'not_started';
  if (coupon.endsAt && coupon.endsAt.getTime() <= now.getTime()) return 'expired';
  if (coupon.maxRedemptions !== null && coupon.redeemedCount >= coupon.maxRedemptions) return 'used_up';
  if (coupon.maxPerUser !== null && redeemedByUser >= coupon.maxPerUser) return 'used_up_by_you';
  if (coupon.currency !== null && coupon.currency !== currency) return 'wrong_currency';
  const eligible = lines.filter((l) => isEligible(l, targets));
  if (eligible.length === 0) return 'not_applicable';
  const subtotal = sum(lines.map(lineSubtotal));
  if (coupon.minOrderMinor !== null && subtotal < coupon.minOrderMinor) return 'minimum_not_met';
  return null;
}

export function isEligible(line: PricingLine, targets: CouponFacts['targets']): boolean {
  if (targets.length === 0) return true;
  return targets.some(
    (t) =>
      (t.targetType === 'course' && line.itemType === 'course' && t.targetId === line.itemId) ||
      (t.targetType === 'product' && line.itemType === 'product' && t.targetId === line.itemId) ||
      (t.targetType === 'course_category' && line.itemType === 'course' && t.targetId === line.categoryId) ||
      (t.targetType === 'product_category' && line.itemType === 'product' && t.targetId === line.categoryId),
  );
}

/** Split `amount` over `weights` in proportion, as integers that add up to `amount` (largest remainder). */
export function allocate(amount: number, weights: number[]): number[] {
  const total = sum(weights);
  if (total === 0 || amount === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const shares = exact.map(Math.floor);
  let left = amount - sum(shares);
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/** The shipping of these lines at `rate` (0 when nothing ships). */
export function shippingCost(
  lines: PricingLine[],
  discounts: number[],
  rate: ShippingRateRow | null,
): number {
  const shipping = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.requiresShipping);
  if (shipping.length === 0 || !rate) return 0;
  const goods = sum(shipping.map(({ l, i }) => lineSubtotal(l) - (discounts[i] ?? 0)));
  if (rate.freeOverMinor !== null && goods >= rate.freeOverMinor) return 0;
  const grams = sum(shipping.map(({ l }) => (l.weightGrams ?? 0) * l.quantity));
  return rate.baseMinor + Math.ceil(grams / 1000) * rate.perKgMinor;
}

/** Tax of a net amount at `bp` basis points: added on top (exclusive) or the part already inside it. */
export function taxOf(net: number, bp: number, inclusive: boolean): number {
  if (bp <= 0 || net <= 0) return 0;
  if (!inclusive) return Math.round((net * bp) / 10_000);
  return net - Math.round((net * 10_000) / (10_000 + bp));
}

/**
 * Price the lines. Throws on lines of mixed currencies or an empty cart: callers refuse those with a
 * clear error before pricing.
 */
export function priceCart(input: PricingInput): Quote {
  const { lines } = input;
  const first = lines[0];
  if (!first) throw new Error('priceCart: no lines');
  const currency = first.currency;
  if (lines.some((l) => l.currency !== currency)) throw new Error('priceCart: mixed currencies');

  const subtotals = lines.map(lineSubtotal);
  let problem: CouponProblem | null = null;
  let discounts = lines.map(() => 0);
  if (input.coupon) {
    const facts = input.coupon.facts;
    problem = facts ? couponProblem(facts, lines, currency, input.now) : 'unknown';
    if (facts && problem === null) {
      const eligible = lines.map((l) => isEligible(l, facts.targets));
      const base = sum(subtotals.filter((_, i) => eligible[i]));
      const c = facts.coupon;
      const amount =
        c.kind === 'percent'
          ? Math.round((base * (c.percentOff ?? 0)) / 100)
          : Math.min(c.amountOffMinor ?? 0, base);
      discounts = allocate(
        amount,
        subtotals.map((s, i) => (eligible[i] ? s : 0)),
      );
    }
  }

  const bp = input.tax?.rateBasisPoints ?? 0;
  const inclusive = input.tax?.inclusive ?? false;
  const quoteLines: QuoteLine[] = lines.map((l, i) => {
    const subtotal = subtotals[i] ?? 0;
    const discount = discounts[i] ?? 0;
    const tax = taxOf(subtotal - discount, bp, inclusive);
    return {
      itemType: l.itemType,
      itemId: l.itemId,
      title: l.title,
      unitPriceMinor: l.unitPriceMinor,
      quantity: l.quantity,
      subtotalMinor: subtotal,
      discountMinor: discount,
      taxMinor: tax,
      totalMinor: subtotal - discount + (inclusive ? 0 : tax),
      requiresShipping: l.requiresShipping,
    };
  });
  const subtotal = sum(subtotals);
  const discount = sum(discounts);
  const tax = sum(quoteLines.map((l) => l.taxMinor));
  const shipping = shippingCost(lines, discounts, input.shippingRate);
  return {
    currency: currency as Quote['currency'],
    lines: quoteLines,
    subtotalMinor: subtotal,
    discountMinor: discount,
    shippingMinor: shipping,
    taxMinor: tax,
    taxInclusive: inclusive,
    taxRateBasisPoints: bp,
    totalMinor: subtotal - discount + shipping + (inclusive ? 0 : tax),
    requiresShipping: lines.some((l) => l.requiresShipping),
    coupon: input.coupon ? { code: input.coupon.code.toUpperCase(), problem } : null,
  };
}

function lineSubtotal(l: PricingLine): number {
  return l.unitPriceMinor * l.quantity;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
