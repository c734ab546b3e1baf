import type { ShippingRateBody, ShippingZoneBody, TaxRateBody } from '@9tangle/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { shippingRates, shippingZones, taxRates } from '../../../db/schema/index.ts';

/** Shipping zones with their rates, and tax rates by country: the admin's writes. */
export const shippingRepo = {
  async zones(x: Executor) {
    const zones = await x
      .select()
      .from(shippingZones)
      .orderBy(asc(shippingZones.position), asc(shippingZones.createdAt));
    const rates =
      zones.length === 0
        ? []
        : await x
            .select()
            .from(shippingRates)
            .where(
              inArray(
                shippingRates.zoneId,
                zones.map((z) => z.id),
              ),
            )
            .orderBy(asc(shippingRates.position), asc(shippingRates.createdAt));
    return zones.map((z) => ({ ...z, rates: rates.filter((r) => r.zoneId === z.id) }));
  },
  async insertZone(x: Executor, b: ShippingZoneBody) {
    const [row] = await x
      .insert(shippingZones)
      .values({ ...b, countries: [...new Set(b.countries)] })
      .returning();
    return row ?? null;
  },
  async updateZone(x: Executor, id: string, b: ShippingZoneBody, now: Date) {
    const [row] = await x
      .update(shippingZones)
      .set({ ...b, countries: [...new Set(b.countries)], updatedAt: now })
      .where(eq(shippingZones.id, id))
      .returning();
    return row ?? null;
  },
  async deleteZone(x: Executor, id: string) {
    return (await x.delete(shippingZones).where(eq(shippingZones.id, id)).returning()).length > 0;
  },
  async zoneExists(x: Executor, id: string) {
    const [row] = await x
      .select({ id: shippingZones.id })
      .from(shippingZones)
      .where(eq(shippingZones.id, id));
    return row !== undefined;
  },
  async insertRate(x: Executor, zoneId: string, b: ShippingRateBody) {
    const [row] = await x
      .insert(shippingRates)
      .values({ ...b, zoneId })
      .returning();
    return row ?? null;
  },
  async updateRate(x: Executor, id: string, b: ShippingRateBody, now: Date) {
    const [row] = await x
      .update(shippingRates)
      .set({ ...b, updatedAt: now })
      .where(eq(shippingRates.id, id))
      .returning();
    return row ?? null;
  },
  async deleteRate(x: Executor, id: string) {
    return (await x.delete(shippingRates).where(eq(shippingRates.id, id)).returning()).length > 0;
  },

  async taxRates(x: Executor) {
    return x.select().from(taxRates).orderBy(asc(taxRates.country));
  },
  async upsertTax(x: Executor, country: string, b: TaxRateBody, now: Date) {
    const [row] = await x
      .insert(taxRates)
      .values({ country, ...b, updatedAt: now })
      .onConflictDoUpdate({ target: taxRates.country, set: { ...b, updatedAt: now } })
      .returning();
    if (!row) throw new Error('shippingRepo.upsertTax: no row');
    return row;
  },
  async deleteTax(x: Executor, country: string) {
    return (await x.delete(taxRates).where(eq(taxRates.country, country)).returning()).length > 0;
  },
};
