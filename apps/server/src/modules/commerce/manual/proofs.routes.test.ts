import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { cookieHeader } from '../../../../test/clients.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { manualClock } from '../../../platform/clock.ts';
import { anAccount, JPEG, manualOrder, PROOF_FILES, sendProof } from './manual.test-support.ts';

// 14:00 in Karachi on 1 May: "today" is 2026-05-01 for the academy.
const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { UPLOAD_PROOF_MAX_BYTES: '4096' } });
});
afterAll(async () => t?.close());

/** Files under the order's proof folder in storage. */
const storedProofs = (orderId: string) => {
  try {
    return readdirSync(join(t.config.dataDir, 'uploads', 'proofs', orderId));
  } catch {
    return [];
  }
};

/** Reject the order's pending proof directly, as a reviewer would (the review routes are tested apart). */
async function rejectPending(orderId: string) {
  await t.platform.database.raw.query(
    `update manual_payment_proofs set status = 'rejected', reject_reason = 'unreadable_proof' where order_id = $1 and status = 'pending'`,
    [orderId],
  );
}

describe('POST /api/orders/:number/manual-proofs', () => {
  it('stores a JPEG proof with its fields and shows it on the order', async () => {
    const { client, order, payment } = await manualOrder(t);
    const account = await anAccount(t, { method: 'easypaisa' });
    const res = await sendProof(t, client, order.number, { accountId: account.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orderNumber: order.number,
      reference: order.number,
      amountMinor: 250_000,
      currency: 'PKR',
      attemptsLeft: 2,
      canSubmit: false,
      proofs: [
        {
          attemptNumber: 1,
          method: 'easypaisa',
          transactionId: 'TX-123456',
          paidOn: '2026-05-01',
          senderAccount: '0301-1234567',
          status: 'pending',
          fileMime: 'image/jpeg',
        },
      ],
    });
    expect(storedProofs(order.id)).toHaveLength(1);
    const { rows } = await t.platform.database.raw.query<{ payment_id: string; type: string }>(
      `select p.payment_id, e.type from manual_payment_proofs p join order_events e on e.order_id = p.order_id
       where p.order_id = $1`,
      [order.id],
    );
    expect(rows).toEqual([{ payment_id: payment.id, type: 'manual_proof_submitted' }]);

    // The owner can open their own proof, inline and inert; nobody else can.
    const url = res.json().proofs[0].fileUrl;
    const file = await client.get(url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.headers['content-disposition']).toMatch(/^inline/);
    expect(file.rawPayload.equals(JPEG)).toBe(true);
    expect((await (await signedIn(t, 'student')).client.get(url)).statusCode).toBe(404);
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
  });

  it('accepts PNG and PDF proofs, decided by their bytes', async () => {
    for (const [file, mime] of [
      [PROOF_FILES.png, 'image/png'],
      [PROOF_FILES.pdf, 'application/pdf'],
    ] as const) {
      const { client, order } = await manualOrder(t);
      const account = await anAccount(t);
      const res = await sendProof(t, client, order.number, {
        accountId: account.id,
        file,
        fileName: 'x.bin',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().proofs[0].fileMime).toBe(mime);
    }
  });

  it('refuses HTML renamed .png, SVG, an executable and an empty file with 400 invalid_file_type', async () => {
    const { client, order } = await manualOrder(t);
    const account = await anAccount(t);
    for (const file of [
      PROOF_FILES.html,
      PROOF_FILES.svg,
      PROOF_FILES.exe,
      PROOF_FILES.zip,
      PROOF_FILES.csv,
      '',
    ]) {
      const res = await sendProof(t, client, order.number, {
        accountId: account.id,
        file,
        fileName: 'receipt.png',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_file_type');
    }
    expect(storedProofs(order.id)).toHaveLength(0);
    expect((await client.get(`/api/orders/${order.number}/manual`)).json().proofs).toEqual([]);
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const { client, order } = await manualOrder(t);
    const account = await anAccount(t);
    const big = Buffer.concat([JPEG, Buffer.alloc(5000, 1)]);
    const res = await sendProof(t, client, order.number, { accountId: account.id, file: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(storedProofs(order.id)).toHaveLength(0);
  });

  it('refuses a body that breaks the multipart framing with 400, not 500', async () => {
    const { client, order } = await manualOrder(t);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.number}/manual-proofs`,
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="r.jpg"\r\n\r\nabc',
      headers: {
        'content-type': 'multipart/form-data; boundary=xyz',
        cookie: cookieHeader(client),
        'x-csrf-token': client.csrf ?? '',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(storedProofs(order.id)).toHaveLength(0);
  });

  it('refuses bad fields with 400: a future date, a missing field, no file, an inactive account', async () => {
    const { client, order } = await manualOrder(t);
    const account = await anAccount(t);
    const inactive = await anAccount(t, { active: false });
    const future = await sendProof(t, client, order.number, {
      accountId: account.id,
      fields: { paidOn: '2026-05-02' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: ['paidOn'] }] });
    const badDate = await sendProof(t, client, order.number, {
      accountId: account.id,
      fields: { paidOn: 'yesterday' },
    });
    expect(badDate.json().error.details[0].path).toEqual(['paidOn']);
    const blank = await sendProof(t, client, order.number, {
      accountId: account.id,
      fields: { transactionId: ' ' },
    });
    expect(blank.json().error.details[0].path).toEqual(['transactionId']);
    const noFile = await sendProof(t, client, order.number, { accountId: account.id, file: null });
    expect(noFile.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: ['file'] }] });
    const off = await sendProof(t, client, order.number, { accountId: inactive.id });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.code).toBe('manual_account_unavailable');
    const json = await client.post(`/api/orders/${order.number}/manual-proofs`, {});
    expect(json.statusCode).toBe(400);
  });

  it('answers 404 for someone else’s order or an unknown one, 401 without a session', async () => {
    const { order } = await manualOrder(t);
    const account = await anAccount(t);
    const other = await signedIn(t, 'student');
    const res = await sendProof(t, other.client, order.number, { accountId: account.id });
    expect(res.statusCode).toBe(404);
    expect((await other.client.get(`/api/orders/${order.number}/manual`)).statusCode).toBe(404);
    expect((await sendProof(t, other.client, 'ORD-NOPE', { accountId: account.id })).statusCode).toBe(404);
    expect((await sendProof(t, null, order.number, { accountId: account.id })).statusCode).toBe(401);
    expect(storedProofs(order.id)).toHaveLength(0);
  });

  it('allows one pending proof at a time and three in all', async () => {
    const { client, order } = await manualOrder(t);
    const account = await anAccount(t);
    const send = () => sendProof(t, client, order.number, { accountId: account.id });
    expect((await send()).statusCode).toBe(201);
    const second = await send();
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('proof_pending');
    await rejectPending(order.id);
    expect((await send()).statusCode).toBe(201);
    await rejectPending(order.id);
    const third = await send();
    expect(third.statusCode).toBe(201);
    expect(third.json()).toMatchObject({ attemptsLeft: 0, canSubmit: false });
    await rejectPending(order.id);
    const fourth = await send();
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.code).toBe('resubmissions_exhausted');
    expect(storedProofs(order.id)).toHaveLength(3);
  });

  it('keeps one pending proof when two are sent at once', async () => {
    const { client, order } = await manualOrder(t);
    const account = await anAccount(t);
    const results = await Promise.all(
      [1, 2, 3].map(() => sendProof(t, client, order.number, { accountId: account.id })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await client.get(`/api/orders/${order.number}/manual`)).json().proofs).toHaveLength(1);
    expect(storedProofs(order.id)).toHaveLength(1);
  });

  it('refuses a proof for an order that is not pending', async () => {
    const { client, order } = await manualOrder(t);
    const account = await anAccount(t);
    await t.platform.database.raw.query(`update orders set status = 'cancelled' where id = $1`, [order.id]);
    const res = await sendProof(t, client, order.number, { accountId: account.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('manual_order_not_payable');
  });
});

describe('GET /api/orders/:number/manual', () => {
  it('gives the amount, the reference, the active accounts and the limits', async () => {
    const { client, order } = await manualOrder(t, { priceMinor: 99_900 });
    const account = await anAccount(t, { method: 'bank_transfer', iban: 'PK36MEZN0000001234567890' });
    const res = await client.get(`/api/orders/${order.number}/manual`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      amountMinor: 99_900,
      reference: order.number,
      orderStatus: 'pending',
      proofs: [],
      attemptsLeft: 3,
      canSubmit: true,
      maxFileBytes: 4096,
    });
    expect(res.json().accounts).toContainEqual(
      expect.objectContaining({ id: account.id, method: 'bank_transfer' }),
    );
    expect((await new Client(t.app).get(`/api/orders/${order.number}/manual`)).statusCode).toBe(401);
  });
});
