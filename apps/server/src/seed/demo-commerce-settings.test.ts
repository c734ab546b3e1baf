import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoCommerceSettings } from './demo-commerce-settings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { DATABASE_URL: '' } });
});
afterAll(async () => t?.close());

describe('the demo commerce settings', () => {
  it('ship in Pakistan and abroad, tax Pakistan inclusively and offer WELCOME10', async () => {
    await seedDemoCommerceSettings(t.platform.database.db);
    const rates = async (q: string) =>
      (await new Client(t.app).get(`/api/shipping/rates?${q}`))
        .json()
        .rates.map((r: { name: string; baseMinor: number }) => [r.name, r.baseMinor]);
    expect(await rates('country=PK&currency=PKR')).toEqual([
      ['Standard', 25_000],
      ['Express', 60_000],
    ]);
    expect(await rates('country=US&currency=USD')).toEqual([['Standard', 1_500]]);
    const { client: admin } = await signedIn(t, 'admin');
    const taxes = (await admin.get('/api/admin/tax-rates')).json().items;
    expect(taxes).toMatchObject([{ country: 'PK', rateBasisPoints: 1_600, inclusive: true }]);
    const coupons = (await admin.get('/api/admin/coupons?q=WELCOME10')).json().items;
    expect(coupons).toMatchObject([{ code: 'WELCOME10', kind: 'percent', percentOff: 10, currency: null }]);
  });
});
