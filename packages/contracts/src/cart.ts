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

// ── Cart and wishlist API (the cart slice) ─────────────────────────────────────────────────────────

/** What a browser may say about a line: which item and how many. Never a price (strict: 400). */
export const CartItemBody = z
  .object({
    itemType: CommerceItemType,
    itemId: z.uuid(),
    /** Physical goods only (1–99, at most the stock); courses and digital goods are always 1. */
    quantity: z.int().min(1).max(99).optional(),
  })
  .strict();
export type CartItemBody = z.infer<typeof CartItemBody>;

export const CartQuantityBody = z.object({ quantity: z.int().min(1).max(99) }).strict();
export type CartQuantityBody = z.infer<typeof CartQuantityBody>;

export const CartCouponBody = z.object({ code: z.string().trim().min(1).max(40) }).strict();
export type CartCouponBody = z.infer<typeof CartCouponBody>;

/** A guest's browser cart, merged on sign-in: ids and quantities only. */
export const CartMergeBody = z.object({ items: z.array(CartItemBody).max(50) }).strict();
export type CartMergeBody = z.infer<typeof CartMergeBody>;

/** A guest's browser cart priced by the server (public), with the coupon they typed. */
export const CartPreviewBody = z
  .object({ items: z.array(CartItemBody).max(50), couponCode: z.string().trim().max(40).optional() })
  .strict();
export type CartPreviewBody = z.infer<typeof CartPreviewBody>;

export const CartQuery = z.object({
  /** ISO-2 country: when given, the quote includes that country's tax. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
});

/** Why a line cannot be bought now (shown on the cart page; checkout refuses it). */
export const CartLineProblem = z.enum([
  'not_for_sale',
  'out_of_stock',
  'not_enough_stock',
  'free',
  'wrong_currency',
  'already_enrolled',
]);
export type CartLineProblem = z.infer<typeof CartLineProblem>;

export const CartItem = z.object({
  /** The cart line's id (PATCH/DELETE it); in a guest preview, the item's id. */
  id: z.uuid(),
  itemType: CommerceItemType,
  itemId: z.uuid(),
  title: z.string(),
  /** Where its page is: `/courses/<slug>` or `/shop/<slug>`. */
  slug: z.string(),
  unitPriceMinor: z.int(),
  currency: z.string(),
  quantity: z.int(),
  /** How many may be bought (1 for courses and digital goods; stock, at most 99, for physical). */
  maxQuantity: z.int(),
  /** Null when it can be bought; else why not. */
  problem: CartLineProblem.nullable(),
});
export type CartItem = z.infer<typeof CartItem>;

export const Cart = z.object({
  currency: z.string().nullable(),
  couponCode: z.string().nullable(),
  items: z.array(CartItem),
  /** The lines that cannot be bought now (also in `items`, with their `problem`). */
  unavailable: z.array(CartItem),
  /** The server's price of the buyable lines; null when there are none. */
  quote: Quote.nullable(),
  /** Units in the cart (the header's badge). */
  count: z.int(),
});
export type Cart = z.infer<typeof Cart>;

/** An item of a merge or preview that was left out, with the error code adding it would have given. */
export const SkippedItem = z.object({
  itemType: CommerceItemType,
  itemId: z.string(),
  code: z.string(),
});
export const CartMergeResult = z.object({ cart: Cart, skipped: z.array(SkippedItem) });
export type CartMergeResult = z.infer<typeof CartMergeResult>;

export const WishlistBody = z.object({ itemType: CommerceItemType, itemId: z.uuid() }).strict();
export type WishlistBody = z.infer<typeof WishlistBody>;

export const WishlistItem = z.object({
  id: z.uuid(),
  itemType: CommerceItemType,
  itemId: z.uuid(),
  title: z.string(),
  slug: z.string(),
  priceMinor: z.int(),
  currency: z.string(),
  /** On sale now (published course, active product in stock). */
  available: z.boolean(),
  addedAt: z.string(),
});
export type WishlistItem = z.infer<typeof WishlistItem>;
export const WishlistList = z.object({ items: z.array(WishlistItem) });
export type WishlistList = z.infer<typeof WishlistList>;
