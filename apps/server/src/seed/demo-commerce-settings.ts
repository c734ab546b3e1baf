import type { Executor } from '../db/client.ts';
import { coupons, shippingRates, shippingZones, taxRates } from '../db/schema/index.ts';

/** Where the demo academy ships abroad (USD); Pakistan has its own zone in PKR. */
export const DEMO_INTERNATIONAL = [
  'AE',
  'AU',
  'BD',
  'CA',
  'CN',
  'DE',
  'FR',
  'GB',
  'IE',
  'IN',
  'IT',
  'JP',
  'MY',
  'NL',
  'NZ',
  'OM',
  'QA',
  'SA',
  'SE',
  'SG',
  'TR',
  'US',
];

/**
 * The demo shop's settings: shipping in Pakistan (Standard PKR 250 in 3–5 days, Express PKR 600 in
 * 1–2 days) and abroad (USD 15 standard), Pakistan's 16 % sales tax included in PKR prices, and the
 * coupon WELCOME10 (10 % off, in any currency).
 */
export async function seedDemoCommerceSettings(x: Executor) {
  const [pk] = await x
    .insert(shippingZones)
    .values({ name: 'Pakistan', countries: ['PK'], position: 0 })
    .returning();
  const [intl] = await x
    .insert(shippingZones)
    .values({ name: 'International', countries: DEMO_INTERNATIONAL, position: 1 })
    .returning();
  if (!pk || !intl) throw new Error('seedDemoCommerceSettings: no zone');
  await x.insert(shippingRates).values([
    {
      zoneId: pk.id,
      name: 'Standard',
      currency: 'PKR',
      baseMinor: 25_000,
      minDays: 3,
      maxDays: 5,
      position: 0,
    },
    {
      zoneId: pk.id,
      name: 'Express',
      currency: 'PKR',
      baseMinor: 60_000,
      minDays: 1,
      maxDays: 2,
      position: 1,
    },
    {
      zoneId: intl.id,
      name: 'Standard',
      currency: 'USD',
      baseMinor: 1_500,
      minDays: 7,
      maxDays: 14,
      position: 0,
    },
  ]);
  await x
    .insert(taxRates)
    .values({ country: 'PK', name: 'Sales tax', rateBasisPoints: 1_600, inclusive: true })
    .onConflictDoNothing();
  await x
    .insert(coupons)
    .values({
      code: 'WELCOME10',
      description: 'Welcome: 10 % off your first order',
      kind: 'percent',
      percentOff: 10,
    })
    .onConflictDoNothing();
}
