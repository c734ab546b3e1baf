import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitForMail } from '../../../../test/mail.ts';
import { manualClock } from '../../../platform/clock.ts';
import { anAccount, JPEG, manualOrder, sendProof } from './manual.test-support.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A manual order with one proof sent; the proof's id. */
async function proofSent(o: { method?: 'jazzcash' | 'easypaisa' | 'bank_transfer' } = {}) {
  const buyer = await manualOrder(t);
  const account = await anAccount(t, { method: o.method ?? 'jazzcash' });
  const res = await sendProof(t, buyer.client, buyer.order.number, { accountId: account.id });
  if (res.statusCode !== 201) throw new Error(`proof: ${res.body}`);
  const proofId = res.json().proofs.at(-1).id as string;
  return { ...buyer, account, proofId };
}

const events = async (orderId: string) =>
  (
    await t.platform.database.raw.query<{ type: string; actor_id: string | null }>(
      'select type, actor_id from order_events where order_id = $1 order by created_at, type',
      [orderId],
    )
  ).rows;

describe('admin review routes: access', () => {
  it('answers 401 without a session and 404 to students and instructors', async () => {
    const { proofId } = await proofSent();
    const urls = ['/api/admin/manual-payments', `/api/admin/manual-payments/${proofId}`];
    for (const url of urls) expect((await new Client(t.app).get(url)).statusCode).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const { client } = await signedIn(t, role);
      for (const url of urls) expect((await client.get(url)).statusCode).toBe(404);
      expect((await client.post(`/api/admin/manual-payments/${proofId}/approve`)).statusCode).toBe(404);
      expect(
        (await client.post(`/api/admin/manual-payments/${proofId}/reject`, { reason: 'duplicate' }))
          .statusCode,
      ).toBe(404);
      expect((await client.get(`/api/files/manual-proofs/${proofId}`)).statusCode).toBe(404);
    }
    expect((await admin.get(`/api/admin/manual-payments/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/manual-payments/${UNKNOWN}/approve`)).statusCode).toBe(404);
    expect((await admin.get('/api/admin/manual-payments?status=lost')).statusCode).toBe(400);
  });
});

describe('GET /api/admin/manual-payments', () => {
  it('lists pending proofs oldest first with order, buyer, amount, method and age', async () => {
    const first = await proofSent({ method: 'easypaisa' });
    clock.advance(60_000);
    const second = await proofSent({ method: 'bank_transfer' });
    clock.advance(30_000);
    const res = await admin.get('/api/admin/manual-payments?status=pending&limit=100');
    expect(res.statusCode).toBe(200);
    const mine = res
      .json()
      .items.filter((i: { id: string }) => i.id === first.proofId || i.id === second.proofId);
    expect(mine).toMatchObject([
      {
        id: first.proofId,
        orderNumber: first.order.number,
        buyer: { id: first.user.id, email: first.user.email },
        amountMinor: 250_000,
        currency: 'PKR',
        method: 'easypaisa',
        status: 'pending',
        ageSeconds: 90,
      },
      { id: second.proofId, method: 'bank_transfer', ageSeconds: 30 },
    ]);
    const detail = await admin.get(`/api/admin/manual-payments/${first.proofId}`);
    expect(detail.json()).toMatchObject({
      transactionId: 'TX-123456',
      senderAccount: '0301-1234567',
      account: { id: first.account.id },
      orderStatus: 'pending',
      history: [],
    });
    const file = await admin.get(detail.json().fileUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.rawPayload.equals(JPEG)).toBe(true);
  });
});

describe('POST /api/admin/manual-payments/:id/approve', () => {
  it('approves the proof and sends a payment_succeeded through the pipeline, once', async () => {
    const { proofId, order, payment } = await proofSent();
    const adminUser = await signedIn(t, 'admin');
    const res = await adminUser.client.post(`/api/admin/manual-payments/${proofId}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewedBy: { id: adminUser.user.id } });
    expect(res.json().outcome).toEqual(expect.any(String));
    const { rows } = await t.platform.database.raw.query<{ type: string; order_id: string }>(
      `select type, order_id from payment_events where provider = 'manual' and event_id = $1`,
      [`proof:${proofId}`],
    );
    expect(rows).toEqual([{ type: 'payment_succeeded', order_id: order.id }]);
    expect(await events(order.id)).toContainEqual({
      type: 'manual_proof_approved',
      actor_id: adminUser.user.id,
    });
    expect(payment.providerRef).toMatch(/^manual_/);

    const again = await admin.post(`/api/admin/manual-payments/${proofId}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('proof_already_reviewed');
    const reject = await admin.post(`/api/admin/manual-payments/${proofId}/reject`, { reason: 'duplicate' });
    expect(reject.statusCode).toBe(409);
    const queue = (await admin.get('/api/admin/manual-payments?status=approved&limit=100')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(proofId);
  });

  it('lets exactly one of a concurrent approve and reject win', async () => {
    const { proofId, order } = await proofSent();
    const [a, r] = await Promise.all([
      admin.post(`/api/admin/manual-payments/${proofId}/approve`),
      admin.post(`/api/admin/manual-payments/${proofId}/reject`, { reason: 'wrong_amount' }),
    ]);
    expect([a.statusCode, r.statusCode].sort()).toEqual([200, 409]);
    const decided = (await events(order.id)).filter((e) => /manual_proof_(approved|rejected)/.test(e.type));
    expect(decided).toHaveLength(1);
  });

  it('refuses to approve a proof of an order that is already paid', async () => {
    const { proofId, order } = await proofSent();
    await t.platform.database.raw.query(`update orders set status = 'paid' where id = $1`, [order.id]);
    const res = await admin.post(`/api/admin/manual-payments/${proofId}/approve`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('manual_order_not_payable');
    expect((await admin.get(`/api/admin/manual-payments/${proofId}`)).json().status).toBe('pending');
  });
});

describe('POST /api/admin/manual-payments/:id/reject', () => {
  it('rejects with a reason, mails the buyer why and how many tries remain, and allows a resubmission', async () => {
    const { proofId, order, client, user, account } = await proofSent();
    const res = await admin.post(`/api/admin/manual-payments/${proofId}/reject`, {
      reason: 'unreadable_proof',
      note: 'The screenshot is blurred',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'unreadable_proof',
      rejectNote: 'The screenshot is blurred',
    });
    const mail = await waitForMail(t, user.email, 'manualPaymentRejected');
    expect(mail.text).toContain('We could not read the proof you uploaded.');
    expect(mail.text).toContain('The screenshot is blurred');
    expect(mail.text).toContain('2 tries left');
    expect(mail.text).toContain(`/checkout/manual/${order.number}`);
    expect(await events(order.id)).toContainEqual(expect.objectContaining({ type: 'manual_proof_rejected' }));

    const view = (await client.get(`/api/orders/${order.number}/manual`)).json();
    expect(view).toMatchObject({ orderStatus: 'pending', canSubmit: true, attemptsLeft: 2 });
    expect(view.proofs[0]).toMatchObject({ status: 'rejected', rejectReason: 'unreadable_proof' });
    const again = await sendProof(t, client, order.number, { accountId: account.id });
    expect(again.statusCode).toBe(201);
    expect(again.json().proofs.map((p: { attemptNumber: number }) => p.attemptNumber)).toEqual([1, 2]);
  });

  it('requires a known reason, and a note for "other"', async () => {
    const { proofId } = await proofSent();
    for (const body of [{ reason: 'looks_fake' }, { reason: 'other' }, { reason: 'other', note: '  ' }, {}]) {
      const res = await admin.post(`/api/admin/manual-payments/${proofId}/reject`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const ok = await admin.post(`/api/admin/manual-payments/${proofId}/reject`, {
      reason: 'other',
      note: 'Sent to a closed account',
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('GET /api/payments/status', () => {
  it('lists the user’s payments newest first with their state and reasons, scoped to the user', async () => {
    const { proofId, order, client } = await proofSent();
    const pending = (await client.get('/api/payments/status')).json().items;
    expect(pending).toMatchObject([
      {
        orderNumber: order.number,
        provider: 'manual',
        method: 'jazzcash',
        status: 'pending',
        canResubmit: false,
      },
    ]);
    await admin.post(`/api/admin/manual-payments/${proofId}/reject`, { reason: 'insufficient_funds' });
    const rejected = (await client.get('/api/payments/status')).json().items;
    expect(rejected).toMatchObject([
      {
        status: 'rejected',
        reasons: [{ code: 'insufficient_funds', note: null }],
        canResubmit: true,
        attemptsLeft: 2,
        amountMinor: 250_000,
      },
    ]);
    const stranger = await signedIn(t, 'student');
    expect((await stranger.client.get('/api/payments/status')).json().items).toEqual([]);
    expect((await new Client(t.app).get('/api/payments/status')).statusCode).toBe(401);
  });
});
