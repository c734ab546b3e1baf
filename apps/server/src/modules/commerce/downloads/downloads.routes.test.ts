import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCart, placeOrder, pressTestPay } from '../../../../test/checkout.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { createSecrets } from '../../../platform/crypto.ts';
import { buildProduct } from '../../../seed/commerce-factories.ts';
import { signDownload } from './download-token.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TEST_PAYMENTS: 'true' } });
});
afterAll(async () => t?.close());

/** A buyer who paid for a digital product whose file is in storage. */
async function boughtEbook() {
  const s = await student(t);
  const fileKey = `products/${randomUUID()}.pdf`;
  const bytes = Buffer.from('%PDF-1.4 the ebook');
  await t.platform.storage.put(fileKey, bytes);
  const ebook = await buildProduct(t.platform.database.db, {
    type: 'digital',
    fileKey,
    fileName: 'Guide "final".pdf',
    fileMime: 'application/pdf',
  });
  await fillCart(t, s.user.id, [{ productId: ebook.id }]);
  const placed = (await placeOrder(s.client)).json();
  await pressTestPay(s.client, placed.redirectUrl, 'pay');
  const detail = (await s.client.get(`/api/orders/${placed.orderNumber}`)).json();
  return { ...s, bytes, placed, detail, grantId: detail.downloads[0]?.grantId as string };
}

describe('downloads', () => {
  it('the owner gets a signed link that streams the file as an attachment and counts the download', async () => {
    const b = await boughtEbook();
    expect(b.detail.status).toBe('fulfilled');
    const link = await b.client.post(`/api/downloads/${b.grantId}/link`);
    expect(link.statusCode, link.body).toBe(200);
    const file = await new Client(t.app).get(link.json().url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(b.bytes)).toBe(true);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Guide _final_.pdf"; filename*=UTF-8''Guide%20_final_.pdf`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const after = (await b.client.get(`/api/orders/${b.placed.orderNumber}`)).json();
    expect(after.downloads[0].downloadCount).toBe(1);
  });

  it('refuses another user (404), a tampered token (404), an expired one (410), a revoked grant (404)', async () => {
    const b = await boughtEbook();
    const other = await student(t);
    expect((await other.client.post(`/api/downloads/${b.grantId}/link`)).statusCode).toBe(404);
    const url: string = (await b.client.post(`/api/downloads/${b.grantId}/link`)).json().url;
    const token = url.split('/').pop() as string;
    const [g, exp, mac] = token.split('.');
    const later = `/api/files/downloads/${g}.${Number(exp) + 1}.${mac}`;
    expect((await new Client(t.app).get(later)).json().error.code).toBe('download_link_invalid');
    const secrets = createSecrets(t.config.secrets.session, t.config.secrets.previous);
    const expired = `/api/files/downloads/${signDownload(secrets, b.grantId, new Date(Date.now() - 1000))}`;
    const gone = await new Client(t.app).get(expired);
    expect([gone.statusCode, gone.json().error.code]).toEqual([410, 'download_link_expired']);
    await t.platform.database.raw.query('update download_grants set revoked_at = now() where id = $1', [
      b.grantId,
    ]);
    expect((await new Client(t.app).get(url)).statusCode).toBe(404);
    expect((await b.client.post(`/api/downloads/${b.grantId}/link`)).statusCode).toBe(404);
  });
});

describe('GET /api/orders', () => {
  it('lists my orders newest first with a keyset cursor, and never others’', async () => {
    const b = await boughtEbook();
    for (let i = 0; i < 2; i++) {
      const p = await buildProduct(t.platform.database.db, { type: 'digital' });
      await fillCart(t, b.user.id, [{ productId: p.id }]);
      expect((await placeOrder(b.client)).statusCode).toBe(201);
    }
    const first = (await b.client.get('/api/orders?limit=2')).json();
    expect(first.items).toHaveLength(2);
    // The count is of that order's own lines (a placed order leaves the cart as it is, so the newer
    // order holds both products), never of every order's.
    const lines = await t.platform.database.raw.query<{ number: string; n: number }>(
      'select o.number, count(i.id)::int as n from orders o join order_items i on i.order_id = o.id where o.number = any($1) group by o.number',
      [first.items.map((o: { orderNumber: string }) => o.orderNumber)],
    );
    const expected = new Map(lines.rows.map((r) => [r.number, r.n]));
    expect(
      first.items.map((o: { orderNumber: string; itemCount: number }) => [
        o.itemCount,
        expected.get(o.orderNumber),
      ]),
    ).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const second = (await b.client.get(`/api/orders?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([b.placed.orderNumber]);
    expect(second.nextCursor).toBeNull();
    expect((await b.client.get('/api/orders?cursor=garbage')).json().error.code).toBe('invalid_cursor');
    const other = await student(t);
    expect((await other.client.get('/api/orders')).json().items).toEqual([]);
    expect((await other.client.get(`/api/orders/${b.placed.orderNumber}`)).statusCode).toBe(404);
  });
});
