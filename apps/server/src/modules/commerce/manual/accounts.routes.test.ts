import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const jazz = {
  method: 'jazzcash',
  title: 'JazzCash',
  accountName: '9tangle Academy',
  accountNumber: '0300-0000001',
};
const bank = {
  method: 'bank_transfer',
  title: 'Meezan Bank',
  accountName: '9tangle Academy',
  accountNumber: '0101-0000000',
  bankName: 'Meezan Bank Ltd',
  iban: 'PK36 MEZN 0000 0012 3456 7890',
  instructions: 'Write the order number as the reference.',
};

describe('/api/admin/payment-accounts', () => {
  it('answers 401 without a session and 404 to a student or an instructor', async () => {
    expect((await new Client(t.app).get('/api/admin/payment-accounts')).statusCode).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const { client } = await signedIn(t, role);
      expect((await client.get('/api/admin/payment-accounts')).statusCode).toBe(404);
      expect((await client.post('/api/admin/payment-accounts', jazz)).statusCode).toBe(404);
    }
  });

  it('refuses a bad account with 400 and the fields at fault', async () => {
    const { client } = await signedIn(t, 'admin');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...jazz, method: 'bitcoin' }, 'method'],
      [{ ...jazz, accountNumber: '' }, 'accountNumber'],
      [{ ...jazz, title: 'x'.repeat(81) }, 'title'],
      [{ ...bank, bankName: null }, 'bankName'],
      [{ ...bank, iban: 'not an iban' }, 'iban'],
      [{ ...jazz, active: false }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await client.post('/api/admin/payment-accounts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      if (path) expect(JSON.stringify(res.json().error.details)).toContain(path);
    }
  });

  it('creates, updates, deactivates, reactivates and reorders accounts', async () => {
    const { client } = await signedIn(t, 'admin');
    const a = await client.post('/api/admin/payment-accounts', bank);
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      method: 'bank_transfer',
      iban: 'PK36MEZN0000001234567890',
      active: true,
    });
    const b = (await client.post('/api/admin/payment-accounts', jazz)).json();
    expect(b).toMatchObject({ bankName: null, iban: null, instructions: null });

    const updated = await client.request('PUT', `/api/admin/payment-accounts/${b.id}`, {
      ...jazz,
      title: 'JazzCash wallet',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().title).toBe('JazzCash wallet');

    const off = await client.post(`/api/admin/payment-accounts/${b.id}/deactivate`);
    expect(off.json().active).toBe(false);
    const student = await signedIn(t, 'student');
    const visible = (await student.client.get('/api/payments/manual/accounts')).json().items;
    expect(visible.map((x: { id: string }) => x.id)).toContain(a.json().id);
    expect(visible.map((x: { id: string }) => x.id)).not.toContain(b.id);
    expect(visible[0]).not.toHaveProperty('active');
    expect((await client.post(`/api/admin/payment-accounts/${b.id}/activate`)).json().active).toBe(true);

    const reordered = await client.post('/api/admin/payment-accounts/reorder', { ids: [b.id, a.json().id] });
    expect(reordered.statusCode).toBe(200);
    const ids = reordered.json().items.map((x: { id: string }) => x.id);
    expect(ids.slice(0, 2)).toEqual([b.id, a.json().id]);
  });

  it('answers 404 for an unknown account and 400 for a reorder naming one twice or an unknown one', async () => {
    const { client } = await signedIn(t, 'admin');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await client.request('PUT', `/api/admin/payment-accounts/${unknown}`, jazz)).statusCode).toBe(
      404,
    );
    expect((await client.post(`/api/admin/payment-accounts/${unknown}/deactivate`)).statusCode).toBe(404);
    const a = (await client.post('/api/admin/payment-accounts', jazz)).json();
    for (const ids of [[a.id, a.id], [unknown], []]) {
      const res = await client.post('/api/admin/payment-accounts/reorder', { ids });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('shows the active accounts to signed-in users only', async () => {
    expect((await new Client(t.app).get('/api/payments/manual/accounts')).statusCode).toBe(401);
  });
});
