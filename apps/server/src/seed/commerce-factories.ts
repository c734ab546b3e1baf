import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import {
  type CouponRow,
  coupons,
  couponTargets,
  type ProductRow,
  products,
  type ShippingRateRow,
  type ShippingZoneRow,
  shippingRates,
  shippingZones,
  taxRates,
} from '../db/schema/index.ts';

/**
 * Valid commerce rows for tests and the demo shop, with unique values. Slices add theirs here (orders,
 * payments) so every test builds the same kind of data the services would.
 */
export async function buildProduct(
  x: Executor,
  o: Partial<Omit<typeof products.$inferInsert, 'id'>> = {},
): Promise<ProductRow> {
  const id = randomUUID().slice(0, 8);
  const type = o.type ?? 'digital';
  const [row] = await x
    .insert(products)
    .values({
      name: o.name ?? `Product ${id}`,
      slug: o.slug ?? `product-${id}`,
      type,
      status: o.status ?? 'active',
      priceMinor: o.priceMinor ?? 150_000,
      currency: o.currency ?? 'PKR',
      stock: o.stock ?? (type === 'physical' ? 10 : null),
      weightGrams: o.weightGrams ?? (type === 'physical' ? 500 : null),
      ...o,
    })
    .returning();
  if (!row) throw new Error('buildProduct: no row');
  return row;
}

export async function buildCoupon(
  x: Executor,
  o: Partial<Omit<typeof coupons.$inferInsert, 'id'>> & {
    targets?: {
      targetType: 'course' | 'product' | 'course_category' | 'product_category';
      targetId: string;
    }[];
  } = {},
): Promise<CouponRow> {
  const { targets, ...values } = o;
  const kind = values.kind ?? 'percent';
  const [row] = await x
    .insert(coupons)
    .values({
      code: (values.code ?? `SAVE${randomUUID().slice(0, 6)}`).toUpperCase(),
      kind,
      percentOff: kind === 'percent' ? (values.percentOff ?? 10) : null,
      amountOffMinor: kind === 'fixed' ? (values.amountOffMinor ?? 10_000) : null,
      currency: kind === 'fixed' ? (values.currency ?? 'PKR') : (values.currency ?? null),
      ...values,
    })
    .returning();
  if (!row) throw new Error('buildCoupon: no row');
  if (targets && targets.length > 0)
    await x.insert(couponTargets).values(targets.map((t) => ({ couponId: row.id, ...t })));
  return row;
}

/** A zone of countries with one rate (PKR standard unless told). */
export async function buildShippingRate(
  x: Executor,
  o: {
    countries?: string[];
    zoneName?: string;
    rate?: Partial<Omit<typeof shippingRates.$inferInsert, 'id' | 'zoneId'>>;
  } = {},
): Promise<{ zone: ShippingZoneRow; rate: ShippingRateRow }> {
  const [zone] = await x
    .insert(shippingZones)
    .values({ name: o.zoneName ?? `Zone ${randomUUID().slice(0, 6)}`, countries: o.countries ?? ['PK'] })
    .returning();
  if (!zone) throw new Error('buildShippingRate: no zone');
  const [rate] = await x
    .insert(shippingRates)
    .values({
      zoneId: zone.id,
      name: 'Standard',
      currency: 'PKR',
      baseMinor: 25_000,
      perKgMinor: 5_000,
      ...o.rate,
    })
    .returning();
  if (!rate) throw new Error('buildShippingRate: no rate');
  return { zone, rate };
}

export async function buildTaxRate(
  x: Executor,
  o: { country: string; rateBasisPoints: number; inclusive?: boolean; name?: string },
) {
  await x
    .insert(taxRates)
    .values({
      country: o.country,
      name: o.name ?? 'Sales tax',
      rateBasisPoints: o.rateBasisPoints,
      inclusive: o.inclusive ?? false,
    })
    .onConflictDoUpdate({
      target: taxRates.country,
      set: { rateBasisPoints: o.rateBasisPoints, inclusive: o.inclusive ?? false },
    });
}
