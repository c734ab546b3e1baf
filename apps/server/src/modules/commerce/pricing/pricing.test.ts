import { describe, expect, it } from 'vitest';
import type { CouponRow, ShippingRateRow, TaxRateRow } from '../../../db/schema/index.ts';
import { allocate, type CouponFacts, couponProblem, type PricingLine, priceCart, taxOf } from './pricing.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const line = (o: Partial<PricingLine> = {}): PricingLine => ({
  itemType: 'course',
  itemId: '00000000-0000-4000-8000-000000000001',
  title: 'A course',
  unitPriceMinor: 10_000,
  currency: 'PKR',
  quantity: 1,
  requiresShipping: false,
  weightGrams: null,
  categoryId: null,
  ...o,
});
const coupon = (o: Partial<CouponRow> = {}): CouponRow => ({
  id: 'c0000000-0000-4000-8000-000000000001',
  code: 'SAVE10',
  description: null,
  kind: 'percent',
  percentOff: 10,
  amountOffMinor: null,
  currency: null,
  startsAt: null,
  endsAt: null,
  maxRedemptions: null,
  maxPerUser: null,
  redeemedCount: 0,
  minOrderMinor: null,
  active: true,
  createdBy: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...o,
});
const facts = (c: Partial<CouponRow> = {}, more: Partial<CouponFacts> = {}): CouponFacts => ({
  coupon: coupon(c),
  targets: [],
  redeemedByUser: 0,
  ...more,
});
const rate = (o: Partial<ShippingRateRow> = {}): ShippingRateRow => ({
  id: 'r0000000-0000-4000-8000-000000000001',
  zoneId: 'z0000000-0000-4000-8000-000000000001',
  name: 'Standard',
  currency: 'PKR',
  baseMinor: 25_000,
  perKgMinor: 10_000,
  freeOverMinor: null,
  minDays: 3,
  maxDays: 5,
  active: true,
  position: 0,
  createdAt: NOW,
  updatedAt: NOW,
  ...o,
});
const tax = (bp: number, inclusive: boolean): TaxRateRow => ({
  country: 'PK',
  name: 'GST',
  rateBasisPoints: bp,
  inclusive,
  updatedAt: NOW,
});
const base = { coupon: null, shippingRate: null, tax: null, now: NOW };

describe('allocate', () => {
  it('splits an amount in proportion, adding up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocate(7, [3, 0])).toEqual([7, 0]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
    for (const [amount, weights] of [
      [999, [333, 1, 665]],
      [1, [1, 1, 1, 1]],
      [12_345, [7, 11, 13, 17]],
    ] as const) {
      const shares = allocate(amount, [...weights]);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      expect(shares.every((s) => s >= 0)).toBe(true);
    }
  });
});

describe('taxOf', () => {
  it('adds exclusive tax and finds the tax inside inclusive prices, rounding half up', () => {
    expect(taxOf(10_000, 1700, false)).toBe(1700);
    expect(taxOf(11_700, 1700, true)).toBe(1700);
    expect(taxOf(999, 1750, false)).toBe(175); // 174.825 → 175
    expect(taxOf(0, 1700, false)).toBe(0);
    expect(taxOf(500, 0, true)).toBe(0);
  });
});

describe('couponProblem', () => {
  const lines = [line()];
  it('accepts a valid coupon and names each reason it may not apply', () => {
    expect(couponProblem(facts(), lines, 'PKR', NOW)).toBeNull();
    expect(couponProblem(facts({ active: false }), lines, 'PKR', NOW)).toBe('inactive');
    expect(couponProblem(facts({ startsAt: new Date(NOW.getTime() + 1) }), lines, 'PKR', NOW)).toBe(
      'not_started',
    );
    expect(couponProblem(facts({ endsAt: NOW }), lines, 'PKR', NOW)).toBe('expired');
    expect(couponProblem(facts({ maxRedemptions: 5, redeemedCount: 5 }), lines, 'PKR', NOW)).toBe('used_up');
    expect(couponProblem(facts({ maxPerUser: 1 }, { redeemedByUser: 1 }), lines, 'PKR', NOW)).toBe(
      'used_up_by_you',
    );
    expect(couponProblem(facts({ currency: 'USD' }), lines, 'PKR', NOW)).toBe('wrong_currency');
    expect(couponProblem(facts({ minOrderMinor: 10_001 }), lines, 'PKR', NOW)).toBe('minimum_not_met');
    expect(
      couponProblem(
        facts({}, { targets: [{ targetType: 'product', targetId: 'p0000000-0000-4000-8000-000000000001' }] }),
        lines,
        'PKR',
        NOW,
      ),
    ).toBe('not_applicable');
  });
});

describe('priceCart', () => {
  it('prices lines without extras: total is the subtotal', () => {
    const q = priceCart({
      ...base,
      lines: [line(), line({ itemId: 'x', unitPriceMinor: 2_500, quantity: 2 })],
    });
    expect(q).toMatchObject({
      currency: 'PKR',
      subtotalMinor: 15_000,
      discountMinor: 0,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: 15_000,
      requiresShipping: false,
      coupon: null,
    });
    expect(q.lines[1]).toMatchObject({ subtotalMinor: 5_000, totalMinor: 5_000 });
  });

  it('applies a percent coupon to eligible lines only, split exactly across them', () => {
    const cat = 'k0000000-0000-4000-8000-000000000001';
    const q = priceCart({
      ...base,
      lines: [
        line({ itemId: 'a', unitPriceMinor: 3_333, categoryId: cat }),
        line({ itemId: 'b', unitPriceMinor: 6_667, categoryId: cat }),
        line({ itemId: 'c', unitPriceMinor: 5_000 }),
      ],
      coupon: {
        code: 'save10',
        facts: facts({}, { targets: [{ targetType: 'course_category', targetId: cat }] }),
      },
    });
    expect(q.discountMinor).toBe(1_000);
    expect(q.lines.map((l) => l.discountMinor)).toEqual([333, 667, 0]);
    expect(q.totalMinor).toBe(14_000);
    expect(q.coupon).toEqual({ code: 'SAVE10', problem: null });
  });

  it('caps a fixed coupon at what it applies to', () => {
    const q = priceCart({
      ...base,
      lines: [line({ unitPriceMinor: 4_000 })],
      coupon: {
        code: 'BIG',
        facts: facts({ kind: 'fixed', percentOff: null, amountOffMinor: 9_000, currency: 'PKR' }),
      },
    });
    expect(q).toMatchObject({ discountMinor: 4_000, totalMinor: 0 });
  });

  it('prices without a coupon that does not apply, and says why', () => {
    const q = priceCart({ ...base, lines: [line()], coupon: { code: 'nope', facts: null } });
    expect(q).toMatchObject({
      discountMinor: 0,
      totalMinor: 10_000,
      coupon: { code: 'NOPE', problem: 'unknown' },
    });
  });

  it('charges shipping only when a line ships: base plus started kilograms, free over a threshold', () => {
    const book = line({
      itemType: 'product',
      itemId: 'p',
      requiresShipping: true,
      weightGrams: 600,
      quantity: 2,
    });
    expect(priceCart({ ...base, lines: [line()], shippingRate: rate() }).shippingMinor).toBe(0);
    expect(priceCart({ ...base, lines: [book], shippingRate: rate() }).shippingMinor).toBe(
      25_000 + 2 * 10_000,
    );
    expect(
      priceCart({ ...base, lines: [book], shippingRate: rate({ freeOverMinor: 20_000 }) }).shippingMinor,
    ).toBe(0);
    expect(
      priceCart({ ...base, lines: [book], shippingRate: rate({ freeOverMinor: 20_001 }) }).totalMinor,
    ).toBe(20_000 + 45_000);
  });

  it('adds exclusive tax per line on the discounted amount, and shows inclusive tax without adding it', () => {
    const lines = [line(), line({ itemId: 'b', unitPriceMinor: 999 })];
    const exclusive = priceCart({ ...base, lines, tax: tax(1700, false) });
    expect(exclusive.lines.map((l) => l.taxMinor)).toEqual([1_700, 170]);
    expect(exclusive).toMatchObject({ taxMinor: 1_870, totalMinor: 10_999 + 1_870, taxInclusive: false });
    const inclusive = priceCart({ ...base, lines, tax: tax(1700, true) });
    expect(inclusive).toMatchObject({ taxMinor: 1_453 + 145, totalMinor: 10_999, taxInclusive: true });
    const discounted = priceCart({
      ...base,
      lines: [line()],
      tax: tax(1700, false),
      coupon: { code: 'S', facts: facts() },
    });
    expect(discounted).toMatchObject({ discountMinor: 1_000, taxMinor: 1_530, totalMinor: 9_000 + 1_530 });
  });

  it('keeps total = subtotal − discount + shipping + exclusive tax, with lines adding up', () => {
    const q = priceCart({
      lines: [
        line({ unitPriceMinor: 12_345 }),
        line({
          itemType: 'product',
          itemId: 'p',
          unitPriceMinor: 2_999,
          quantity: 3,
          requiresShipping: true,
          weightGrams: 250,
        }),
      ],
      coupon: { code: 'S', facts: facts({ percentOff: 15 }) },
      shippingRate: rate(),
      tax: tax(1600, false),
      now: NOW,
    });
    expect(q.totalMinor).toBe(q.subtotalMinor - q.discountMinor + q.shippingMinor + q.taxMinor);
    expect(q.lines.reduce((a, l) => a + l.totalMinor, 0) + q.shippingMinor).toBe(q.totalMinor);
  });

  it('refuses mixed currencies and empty carts (callers check first)', () => {
    expect(() => priceCart({ ...base, lines: [] })).toThrow();
    expect(() => priceCart({ ...base, lines: [line(), line({ currency: 'USD' })] })).toThrow(/mixed/);
  });
});
