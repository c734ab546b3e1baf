import { z } from 'zod';
import { Currency } from './catalog.ts';

// Contracts of the cart, wishlist and pricing (the commerce slice).

export const CommerceItemType = z.enum(['course', 'product']);
export type CommerceItemType = z.infer<typeof CommerceItemType>;

/** A priced line of a quote: what the server charges for it, never what a browser said. */
export const QuoteLine = z.object({
  itemType: CommerceItemType,
  /** The course's or product's id. */
  itemId: z.uuid(),
  title: z.string(),
  unitPriceMinor: z.int(),
  quantity: z.int(),
  /** unit × quantity. */
  subtotalMinor: z.int(),
  /** This line's share of the coupon's discount. */
  discountMinor: z.int(),
  /** This line's tax (included in its price, or added). */
  taxMinor: z.int(),
  /** subtotal − discount (+ tax when added). */
  totalMinor: z.int(),
  requiresShipping: z.boolean(),
});
export type QuoteLine = z.infer<typeof QuoteLine>;

/** Why a coupon does not apply (the cart still prices without it). */
export const CouponProblem = z.enum([
  'unknown',
  'inactive',
  'not_started',
  'expired',
  'used_up',
  'used_up_by_you',
  'minimum_not_met',
  'wrong_currency',
  'not_applicable',
]);
export type CouponProblem = z.infer<typeof CouponProblem>;

/**
 * Every amount of a cart or an order, computed by the server:
 * `total = subtotal − discount + shipping + (tax unless inclusive)`.
 */
export const Quote = z.object({
  currency: Currency,
  lines: z.array(QuoteLine),
  subtotalMinor: z.int(),
  discountMinor: z.int(),
  shippingMinor: z.int(),
  taxMinor: z.int(),
  /** The tax is part of the prices (shown, not added). */
  taxInclusive: z.boolean(),
  taxRateBasisPoints: z.int(),
  totalMinor: z.int(),
  /** Some line ships: the checkout asks for an address and a shipping method. */
  requiresShipping: z.boolean(),
  coupon: z
    .object({
      code: z.string(),
      /** Null when it applies; else why not. */
      problem: CouponProblem.nullable(),
    })
    .nullable(),
});
export type Quote = z.infer<typeof Quote>;
