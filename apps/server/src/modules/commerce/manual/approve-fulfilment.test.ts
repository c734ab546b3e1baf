import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { fillCart, fulfilmentFigures, paidCourse, placeOrder } from '../../../../test/checkout.ts';
import { student } from '../../../../test/course-progress.ts';
import { type Client, createTestApp, type TestApp, uniqueEmail } from '../../../../test/harness.ts';
import { waitForMail } from '../../../../test/mail.ts';
import { anAccount, sendProof } from './manual.test-support.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ env: { TEST_PAYMENTS: 'true' } });
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const orderId = async (number: string) =>
  (await t.platform.database.raw.query<{ id: string }>('select id from orders where number = $1', [number]))
    .rows[0]?.id as string;

/** A student who bought a paid course by manual transfer through the cart and the checkout API. */
async function manualPurchase() {
  const account = await anAccount(t, { method: 'jazzcash' });
  const s = await student(t);
  const { course } = await paidCourse(t, { priceMinor: 350_000 });
  await fillCart(t, s.user.id, [{ courseId: course.id }]);
  const email = uniqueEmail('transfer');
  const res = await placeOrder(s.client, { provider: 'manual', contact: { name: 'Ayesha Buyer', email } });
  expect(res.statusCode, res.body).toBe(201);
  const placed = res.json() as { orderNumber: string; redirectUrl: string };
  expect(placed.redirectUrl).toBe(`/checkout/manual/${placed.orderNumber}`);
  return { ...s, email, course, account, placed, orderId: await orderId(placed.orderNumber) };
}

describe('approving a manual transfer fulfils the order', () => {
  it('grants the course, mails the receipt, and shows the payment approved; once', async () => {
    const b = await manualPurchase();
    const view = (await b.client.get(`/api/orders/${b.placed.orderNumber}/manual`)).json();
    expect(view).toMatchObject({ amountMinor: 350_000, canSubmit: true });
    const sent = await sendProof(t, b.client, b.placed.orderNumber, { accountId: b.account.id });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await b.client.get(`/api/learning/courses/${b.course.slug}`)).statusCode).not.toBe(200);

    const proofId = sent.json().proofs[0].id;
    const approved = await admin.post(`/api/admin/manual-payments/${proofId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      outcome: 'fulfilled',
      orderStatus: 'fulfilled',
    });

    expect(await fulfilmentFigures(t, b.orderId, b.user.id, b.email)).toMatchObject({
      enrollments: 1,
      fulfilled: 1,
    });
    await waitForMail(t, b.email, 'orderReceipt');
    expect((await b.client.get(`/api/learning/courses/${b.course.slug}`)).statusCode).toBe(200);
    const status = (await b.client.get('/api/payments/status')).json().items;
    expect(status[0]).toMatchObject({
      orderNumber: b.placed.orderNumber,
      status: 'approved',
      canResubmit: false,
    });
    expect((await b.client.get(`/api/orders/${b.placed.orderNumber}/manual`)).json().canSubmit).toBe(false);

    // Approving again changes nothing.
    expect((await admin.post(`/api/admin/manual-payments/${proofId}/approve`)).statusCode).toBe(409);
    expect(await fulfilmentFigures(t, b.orderId, b.user.id, b.email)).toMatchObject({
      enrollments: 1,
      receipts: 1,
      fulfilled: 1,
    });
  });

  it('after a rejection and a resubmission, the second proof is approved and grants access', async () => {
    const b = await manualPurchase();
    const first = await sendProof(t, b.client, b.placed.orderNumber, { accountId: b.account.id });
    await admin.post(`/api/admin/manual-payments/${first.json().proofs[0].id}/reject`, {
      reason: 'unreadable_proof',
    });
    expect((await b.client.get(`/api/learning/courses/${b.course.slug}`)).statusCode).not.toBe(200);
    const second = await sendProof(t, b.client, b.placed.orderNumber, {
      accountId: b.account.id,
      fields: { transactionId: 'TX-SECOND' },
    });
    expect(second.statusCode, second.body).toBe(201);
    const res = await admin.post(`/api/admin/manual-payments/${second.json().proofs[1].id}/approve`);
    expect(res.json()).toMatchObject({ outcome: 'fulfilled', history: [{ status: 'rejected' }] });
    expect((await b.client.get(`/api/learning/courses/${b.course.slug}`)).statusCode).toBe(200);
  });

  it('honours a proof whose order expired while it was on its way', async () => {
    const b = await manualPurchase();
    const sent = await sendProof(t, b.client, b.placed.orderNumber, { accountId: b.account.id });
    await t.platform.database.raw.query(`update orders set status = 'cancelled' where id = $1`, [b.orderId]);
    const res = await admin.post(`/api/admin/manual-payments/${sent.json().proofs[0].id}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'fulfilled', orderStatus: 'fulfilled' });
    expect((await b.client.get(`/api/learning/courses/${b.course.slug}`)).statusCode).toBe(200);
  });
});
