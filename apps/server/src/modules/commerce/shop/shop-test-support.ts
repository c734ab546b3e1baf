import { signedIn, uniqueWord } from '../../../../test/catalog.ts';
import type { Client, TestApp } from '../../../../test/harness.ts';
import type { ProductRow } from '../../../db/schema/index.ts';
import { buildPendingOrder, buildProduct } from '../../../seed/commerce-factories.ts';

/** Test helpers of the shop's route tests (not part of the app: only tests import this file). */

/** A product made through the admin API, answering its JSON (throws on anything but 201). */
export async function createProduct(admin: Client, body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/admin/products', {
    name: `Notebook ${uniqueWord()}`,
    type: 'physical',
    priceMinor: 120_000,
    currency: 'PKR',
    stock: 5,
    weightGrams: 300,
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`create product failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string; status: string; [k: string]: unknown };
}

/** A signed-in user whose order of `product` is in `status` (paid unless told). */
export async function buyerOf(t: TestApp, product: ProductRow, status = 'paid') {
  const s = await signedIn(t, 'student');
  const { order } = await buildPendingOrder(t.platform.database.db, {
    userId: s.user.id,
    email: s.user.email,
    products: [{ product }],
  });
  await t.platform.database.raw.query('update orders set status = $1 where id = $2', [status, order.id]);
  return s;
}

/** An active product built straight in the database. */
export const activeProduct = (t: TestApp, o: Parameters<typeof buildProduct>[1] = {}) =>
  buildProduct(t.platform.database.db, { status: 'active', ...o });
