import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { courses } from './catalog.ts';
import { createdAt, updatedAt } from './columns.ts';
import { itemTypeEnum } from './commerce-enums.ts';
import { orders } from './commerce-orders.ts';
import { products } from './commerce-shop.ts';
import { users } from './identity.ts';

// Money is always integer minor units (`*_minor`) with an ISO 4217 code beside it (`currency`).

// ── Cart and wishlist ──────────────────────────────────────────────────────────────────────────────

/** A signed-in user's cart (guests keep theirs in the browser until they sign in). One currency. */
export const carts = pgTable(
  'carts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The currency of its items; null while empty. */
    currency: text('currency'),
    couponCode: text('coupon_code'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('carts_user_key').on(t.userId)],
);

export const cartItems = pgTable(
  'cart_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    itemType: itemTypeEnum('item_type').notNull(),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    /** Always 1 for courses and digital goods. */
    quantity: integer('quantity').notNull().default(1),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cart_items_course_key').on(t.cartId, t.courseId),
    uniqueIndex('cart_items_product_key').on(t.cartId, t.productId),
    check(
      'cart_items_one_target_check',
      sql`(${t.itemType} = 'course' and ${t.courseId} is not null and ${t.productId} is null) or (${t.itemType} = 'product' and ${t.productId} is not null and ${t.courseId} is null)`,
    ),
    check('cart_items_quantity_check', sql`${t.quantity} between 1 and 99`),
  ],
);

export const wishlistItems = pgTable(
  'wishlist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemType: itemTypeEnum('item_type').notNull(),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wishlist_items_course_key').on(t.userId, t.courseId),
    uniqueIndex('wishlist_items_product_key').on(t.userId, t.productId),
    index('wishlist_items_user_idx').on(t.userId, t.addedAt),
    check(
      'wishlist_items_one_target_check',
      sql`(${t.itemType} = 'course' and ${t.courseId} is not null and ${t.productId} is null) or (${t.itemType} = 'product' and ${t.productId} is not null and ${t.courseId} is null)`,
    ),
  ],
);

// ── Coupons ────────────────────────────────────────────────────────────────────────────────────────

export const couponKindEnum = pgEnum('coupon_kind', ['percent', 'fixed']);

export const coupons = pgTable(
  'coupons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored upper-case; matched case-insensitively. */
    code: text('code').notNull(),
    description: text('description'),
    kind: couponKindEnum('kind').notNull(),
    /** percent: 1–100. */
    percentOff: integer('percent_off'),
    /** fixed: an amount in `currency`. */
    amountOffMinor: integer('amount_off_minor'),
    /** fixed coupons and minimum orders are in this currency; a percent coupon with null fits any. */
    currency: text('currency'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** Orders that may use it in all; null is unlimited. */
    maxRedemptions: integer('max_redemptions'),
    maxPerUser: integer('max_per_user'),
    /** Redemptions held by orders that are pending or paid; moved by one conditional UPDATE. */
    redeemedCount: integer('redeemed_count').notNull().default(0),
    minOrderMinor: integer('min_order_minor'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('coupons_code_key').on(t.code),
    check(
      'coupons_redeemed_check',
      sql`${t.maxRedemptions} is null or ${t.redeemedCount} <= ${t.maxRedemptions}`,
    ),
    check(
      'coupons_kind_check',
      sql`(${t.kind} = 'percent' and ${t.percentOff} between 1 and 100) or (${t.kind} = 'fixed' and ${t.amountOffMinor} > 0 and ${t.currency} is not null)`,
    ),
  ],
);

export const couponTargetTypeEnum = pgEnum('coupon_target_type', [
  'course',
  'product',
  'course_category',
  'product_category',
]);

/**
 * What a coupon is restricted to; a coupon without targets applies to the whole order. `target_id` names
 * a row of courses, products, categories or product_categories by `target_type` (so no foreign key).
 */
export const couponTargets = pgTable(
  'coupon_targets',
  {
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id, { onDelete: 'cascade' }),
    targetType: couponTargetTypeEnum('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.couponId, t.targetType, t.targetId] })],
);

/** One row per order that holds a coupon; released (deleted) when the order is cancelled or fails. */
export const couponRedemptions = pgTable(
  'coupon_redemptions',
  {
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.couponId, t.orderId] }),
    index('coupon_redemptions_user_idx').on(t.couponId, t.userId),
  ],
);

// ── Shipping and tax ───────────────────────────────────────────────────────────────────────────────

/** Where a rate applies: a list of ISO 3166-1 alpha-2 codes, or `*` for the rest of the world. */
export const shippingZones = pgTable('shipping_zones', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  countries: jsonb('countries').$type<string[]>().notNull(),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const shippingRates = pgTable(
  'shipping_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    /** "Standard", "Express". */
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    baseMinor: integer('base_minor').notNull(),
    /** Added per started kilogram of the parcel's weight. */
    perKgMinor: integer('per_kg_minor').notNull().default(0),
    /** Free when the goods come to at least this much (in `currency`); null never. */
    freeOverMinor: integer('free_over_minor'),
    minDays: integer('min_days'),
    maxDays: integer('max_days'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('shipping_rates_zone_idx').on(t.zoneId, t.position)],
);

/** Tax by the buyer's country: a rate in basis points (1700 = 17 %), inclusive or added on top. */
export const taxRates = pgTable('tax_rates', {
  country: text('country').primaryKey(),
  name: text('name').notNull(),
  rateBasisPoints: integer('rate_basis_points').notNull(),
  /** true: prices already include it (it is shown, not added); false: added at checkout. */
  inclusive: boolean('inclusive').notNull().default(false),
  updatedAt: updatedAt(),
});

export type CartRow = typeof carts.$inferSelect;
export type CartItemRow = typeof cartItems.$inferSelect;
export type WishlistItemRow = typeof wishlistItems.$inferSelect;
export type CouponRow = typeof coupons.$inferSelect;
export type CouponTargetRow = typeof couponTargets.$inferSelect;
export type ShippingZoneRow = typeof shippingZones.$inferSelect;
export type ShippingRateRow = typeof shippingRates.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;
