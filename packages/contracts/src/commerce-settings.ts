import { z } from 'zod';
import { Pagination } from './admin.ts';
import { Currency } from './catalog.ts';

// Contracts of the commerce settings an admin keeps: coupons, shipping zones and rates, tax rates.

const money = z.int().min(0).max(100_000_000);
const Timestamp = z.iso.datetime({ offset: true });

export const CouponTargetType = z.enum(['course', 'product', 'course_category', 'product_category']);
export const CouponTarget = z.object({ targetType: CouponTargetType, targetId: z.uuid() }).strict();

/** A coupon as an admin writes it (create and full update). Amounts in minor units of `currency`. */
export const CouponBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,40}$/, 'Use 3–40 letters, digits, - or _')
      .transform((s) => s.toUpperCase()),
    description: z.string().trim().max(200).nullable().default(null),
    kind: z.enum(['percent', 'fixed']),
    percentOff: z.int().min(1).max(100).nullable().default(null),
    amountOffMinor: money.min(1).nullable().default(null),
    /** Required for fixed coupons and minimum orders; a percent coupon without one fits any currency. */
    currency: Currency.nullable().default(null),
    startsAt: Timestamp.nullable().default(null),
    endsAt: Timestamp.nullable().default(null),
    maxRedemptions: z.int().min(1).max(1_000_000).nullable().default(null),
    maxPerUser: z.int().min(1).max(1000).nullable().default(null),
    minOrderMinor: money.min(1).nullable().default(null),
    active: z.boolean().default(true),
    targets: z.array(CouponTarget).max(100).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.kind === 'percent') {
      if (c.percentOff === null) issue('percentOff', 'A percent coupon needs its percent (1–100)');
      if (c.amountOffMinor !== null) issue('amountOffMinor', 'A percent coupon has no fixed amount');
    } else {
      if (c.amountOffMinor === null) issue('amountOffMinor', 'A fixed coupon needs its amount');
      if (c.currency === null) issue('currency', 'A fixed coupon needs its currency');
      if (c.percentOff !== null) issue('percentOff', 'A fixed coupon has no percent');
    }
    if (c.minOrderMinor !== null && c.currency === null)
      issue('currency', 'A minimum order needs its currency');
    if (c.startsAt && c.endsAt && Date.parse(c.endsAt) <= Date.parse(c.startsAt))
      issue('endsAt', 'The end must be after the start');
  });
export type CouponBody = z.infer<typeof CouponBody>;

export const AdminCoupon = z.object({
  id: z.uuid(),
  code: z.string(),
  description: z.string().nullable(),
  kind: z.enum(['percent', 'fixed']),
  percentOff: z.int().nullable(),
  amountOffMinor: z.int().nullable(),
  currency: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  maxRedemptions: z.int().nullable(),
  maxPerUser: z.int().nullable(),
  minOrderMinor: z.int().nullable(),
  active: z.boolean(),
  /** Orders holding it now (pending or paid). */
  redeemedCount: z.int(),
  targets: z.array(z.object({ targetType: CouponTargetType, targetId: z.uuid() })),
  createdAt: z.string(),
});
export type AdminCoupon = z.infer<typeof AdminCoupon>;

export const CouponListQuery = Pagination.extend({
  q: z.string().trim().max(40).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type CouponListQuery = z.infer<typeof CouponListQuery>;
export const CouponList = z.object({
  items: z.array(AdminCoupon),
  pageInfo: z.object({ page: z.int(), limit: z.int(), total: z.int(), pages: z.int() }),
});
export type CouponList = z.infer<typeof CouponList>;

/** ISO 3166-1 alpha-2, or `*` for every country no other zone lists. */
export const CountryCode = z
  .string()
  .trim()
  .regex(/^([A-Za-z]{2}|\*)$/, 'Use two-letter country codes (PK, US) or *')
  .transform((s) => s.toUpperCase());

export const ShippingZoneBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    countries: z.array(CountryCode).min(1).max(250),
    position: z.int().min(0).max(1000).default(0),
  })
  .strict();
export type ShippingZoneBody = z.infer<typeof ShippingZoneBody>;

export const ShippingRateBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    currency: Currency,
    baseMinor: money,
    perKgMinor: money.default(0),
    freeOverMinor: money.min(1).nullable().default(null),
    minDays: z.int().min(0).max(365).nullable().default(null),
    maxDays: z.int().min(0).max(365).nullable().default(null),
    active: z.boolean().default(true),
    position: z.int().min(0).max(1000).default(0),
  })
  .strict()
  .refine((r) => r.minDays === null || r.maxDays === null || r.minDays <= r.maxDays, {
    path: ['maxDays'],
    message: 'The longest delivery time cannot be shorter than the shortest',
  });
export type ShippingRateBody = z.infer<typeof ShippingRateBody>;

export const ShippingRate = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  name: z.string(),
  currency: z.string(),
  baseMinor: z.int(),
  perKgMinor: z.int(),
  freeOverMinor: z.int().nullable(),
  minDays: z.int().nullable(),
  maxDays: z.int().nullable(),
  active: z.boolean(),
  position: z.int(),
});
export type ShippingRate = z.infer<typeof ShippingRate>;
export const ShippingZone = z.object({
  id: z.uuid(),
  name: z.string(),
  countries: z.array(z.string()),
  position: z.int(),
  rates: z.array(ShippingRate),
});
export type ShippingZone = z.infer<typeof ShippingZone>;
export const ShippingZoneList = z.object({ items: z.array(ShippingZone) });

export const ShippingRatesQuery = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
  currency: Currency,
});
export const PublicShippingRates = z.object({ rates: z.array(ShippingRate) });

export const TaxRateBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** 1700 = 17 %. */
    rateBasisPoints: z.int().min(0).max(10_000),
    inclusive: z.boolean(),
  })
  .strict();
export type TaxRateBody = z.infer<typeof TaxRateBody>;
export const TaxRate = z.object({
  country: z.string(),
  name: z.string(),
  rateBasisPoints: z.int(),
  inclusive: z.boolean(),
  updatedAt: z.string(),
});
export type TaxRate = z.infer<typeof TaxRate>;
export const TaxRateList = z.object({ items: z.array(TaxRate) });
export const CountryParams = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
});
