import type { ShippingRateBody, ShippingZoneBody, TaxRateBody } from '@9tangle/contracts';
import type { ShippingRateRow, TaxRateRow } from '../../../db/schema/index.ts';
import { notFound } from '../../../http/errors.ts';
import { cartPricingRepo } from '../cart/cart-pricing.repo.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { shippingRepo } from './shipping.repo.ts';

export const toRateDto = (r: ShippingRateRow) => ({
  id: r.id,
  zoneId: r.zoneId,
  name: r.name,
  currency: r.currency,
  baseMinor: r.baseMinor,
  perKgMinor: r.perKgMinor,
  freeOverMinor: r.freeOverMinor,
  minDays: r.minDays,
  maxDays: r.maxDays,
  active: r.active,
  position: r.position,
});
const toTaxDto = (t: TaxRateRow) => ({ ...t, updatedAt: t.updatedAt.toISOString() });

/** Shipping zones and rates, and tax rates: what the admin keeps and the checkout reads. */
export function createShippingService(d: Pick<CommerceDeps, 'database' | 'clock'>) {
  const db = d.database.db;
  const found = <T>(row: T | null | false, what: string): T => {
    if (!row) throw notFound(what);
    return row;
  };
  return {
    async zones() {
      const zones = await shippingRepo.zones(db);
      return {
        items: zones.map((z) => ({
          id: z.id,
          name: z.name,
          countries: z.countries,
          position: z.position,
          rates: z.rates.map(toRateDto),
        })),
      };
    },
    async createZone(b: ShippingZoneBody) {
      const z = found(await shippingRepo.insertZone(db, b), 'zone');
      return { id: z.id, name: z.name, countries: z.countries, position: z.position, rates: [] };
    },
    async updateZone(id: string, b: ShippingZoneBody) {
      found(await shippingRepo.updateZone(db, id, b, d.clock.now()), 'zone');
      const zone = (await this.zones()).items.find((z) => z.id === id);
      return found(zone ?? null, 'zone');
    },
    async deleteZone(id: string) {
      found(await shippingRepo.deleteZone(db, id), 'zone');
    },
    async createRate(zoneId: string, b: ShippingRateBody) {
      if (!(await shippingRepo.zoneExists(db, zoneId))) throw notFound('zone');
      return toRateDto(found(await shippingRepo.insertRate(db, zoneId, b), 'zone'));
    },
    async updateRate(id: string, b: ShippingRateBody) {
      return toRateDto(found(await shippingRepo.updateRate(db, id, b, d.clock.now()), 'rate'));
    },
    async deleteRate(id: string) {
      found(await shippingRepo.deleteRate(db, id), 'rate');
    },
    /** What checkout offers for a country in a currency (the same read the order uses). */
    async publicRates(country: string, currency: string) {
      return { rates: (await cartPricingRepo.ratesFor(db, country, currency)).map(toRateDto) };
    },

    async taxRates() {
      return { items: (await shippingRepo.taxRates(db)).map(toTaxDto) };
    },
    async putTax(country: string, b: TaxRateBody) {
      return toTaxDto(await shippingRepo.upsertTax(db, country, b, d.clock.now()));
    },
    async deleteTax(country: string) {
      found(await shippingRepo.deleteTax(db, country), 'tax rate');
    },
  };
}
export type ShippingService = ReturnType<typeof createShippingService>;
