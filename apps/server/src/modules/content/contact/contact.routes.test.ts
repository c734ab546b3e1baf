import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, uniqueWord } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp, uniqueEmail } from '../../../../test/harness.ts';
import { mailsTo } from '../../../../test/mail.ts';
import { buildUser } from '../../../seed/factories.ts';

let t: TestApp;
let admin: Client;
let student: Client;
beforeAll(async () => {
  t = await createTestApp({ env: { CONTACT_FORM_MAX_PER_HOUR: '3' } });
  admin = (await signedIn(t, 'admin')).client;
  student = (await signedIn(t, 'student')).client;
});
afterAll(async () => t?.close());

/** A sender address no other test uses, so each test has its own throttle count. */
const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const message = (o: Record<string, unknown> = {}) => ({
  name: 'Bilal Ahmed',
  email: uniqueEmail('sender'),
  subject: `Group discount ${uniqueWord()}`,
  message: 'Do you offer a discount for a team of five?\n\nThank you.',
  ...o,
});
const send = (body: unknown, from = ip()) =>
  t.app.inject({ method: 'POST', url: '/api/contact', payload: body as object, remoteAddress: from });
const rowOf = async (subject: string) =>
  (
    await t.platform.database.raw.query<{ id: string; status: string; ip_hash: string | null }>(
      'select id, status, ip_hash from contact_messages where subject = $1',
      [subject],
    )
  ).rows;
const setContactEmail = (email: string) =>
  admin.request('PUT', '/api/admin/content/contact.details', {
    value: { email, phone: '', whatsapp: '', address: '', hours: '', mapUrl: '', socials: [] },
  });

describe('PUT /api/admin/content/contact.details', () => {
  it('saves contact details and refuses a bad email or a non-https map link', async () => {
    const details = {
      email: 'hello@academy.example.pk',
      phone: '+92 300 1234567',
      whatsapp: '+92 300 1234567',
      address: 'Lahore',
      hours: 'Mon–Sat 10:00–18:00',
      mapUrl: 'https://maps.example.com/x',
      socials: [{ label: 'YouTube', url: 'https://youtube.com/@9tangle' }],
    };
    expect(
      (await admin.request('PUT', '/api/admin/content/contact.details', { value: details })).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.request('PUT', '/api/admin/content/contact.details', {
          value: { ...details, email: 'nope' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.request('PUT', '/api/admin/content/contact.details', {
          value: { ...details, mapUrl: 'javascript:alert(1)' },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('POST /api/contact', () => {
  it('refuses a bad email, a short message, a missing field and an unknown field with 400', async () => {
    for (const body of [
      message({ email: 'x' }),
      message({ message: 'hi' }),
      { name: 'x' },
      message({ phone: '1' }),
    ]) {
      const res = await send(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('stores the message with a hashed IP and writes the mails to the contact address and a receipt in one go', async () => {
    const inbox = uniqueEmail('inbox');
    expect((await setContactEmail(inbox)).statusCode).toBe(200);
    const body = message();
    const from = ip();
    const res = await send(body, from);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'received' });
    const [row] = await rowOf(body.subject);
    expect(row?.status).toBe('new');
    expect(row?.ip_hash).toMatch(/^[\w-]{20,}/);
    expect(row?.ip_hash).not.toContain(from);
    const [toAcademy] = await mailsTo(t, inbox);
    expect(toAcademy).toMatchObject({
      template: 'contact.received',
      subject: `Contact form: ${body.subject}`,
    });
    expect(toAcademy?.text).toContain('Do you offer a discount');
    expect(toAcademy?.text).toContain(body.email);
    const [receipt] = await mailsTo(t, body.email);
    expect(receipt?.template).toBe('contact.acknowledged');
    expect(receipt?.text).not.toContain('Bilal'); // nothing the sender typed is echoed back
  });

  it('mails every active admin when no contact address is published', async () => {
    const other = await buildUser(t.platform.database.db, { role: 'admin' });
    expect((await setContactEmail('')).statusCode).toBe(200);
    const body = message();
    expect((await send(body)).statusCode).toBe(202);
    const mails = await mailsTo(t, other.email);
    expect(mails.some((m) => m.template === 'contact.received' && m.subject.includes(body.subject))).toBe(
      true,
    );
  });

  it('accepts a filled honeypot silently, stores it as spam and mails no one', async () => {
    const body = message({ website: 'https://cheap-pills.example' });
    const res = await send(body);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'received' });
    expect((await rowOf(body.subject))[0]?.status).toBe('spam');
    expect(await mailsTo(t, body.email)).toEqual([]);
  });

  it('answers 429 rate_limited past the hourly limit for one IP, while another IP still gets through', async () => {
    const from = ip();
    for (let i = 0; i < 3; i++) expect((await send(message(), from)).statusCode).toBe(202);
    const over = await send(message(), from);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await send(message(), ip())).statusCode).toBe(202);
  });
});

describe('/api/admin/contact-messages', () => {
  it('answers 401 to a visitor and 404 to a student', async () => {
    expect((await new Client(t.app).get('/api/admin/contact-messages')).statusCode).toBe(401);
    expect((await student.get('/api/admin/contact-messages')).statusCode).toBe(404);
    expect(
      (await student.patch(`/api/admin/contact-messages/${crypto.randomUUID()}`, { status: 'read' }))
        .statusCode,
    ).toBe(404);
  });

  it('lists by status with the unread count, shows one, changes its status and deletes it only as spam', async () => {
    const body = message();
    await send(body);
    const [row] = await rowOf(body.subject);
    const id = row?.id as string;
    const list = await admin.get('/api/admin/contact-messages?status=new&limit=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().unread).toBeGreaterThanOrEqual(1);
    expect(list.json().items.some((m: { id: string }) => m.id === id)).toBe(true);
    expect((await admin.get('/api/admin/contact-messages?status=bogus')).statusCode).toBe(400);
    expect((await admin.get(`/api/admin/contact-messages/${id}`)).json()).toMatchObject({
      subject: body.subject,
      email: body.email,
    });
    expect((await admin.patch(`/api/admin/contact-messages/${id}`, { status: 'archived' })).statusCode).toBe(
      400,
    );
    expect(
      (await admin.patch(`/api/admin/contact-messages/${id}`, { status: 'answered' })).json().status,
    ).toBe('answered');
    const refused = await admin.delete(`/api/admin/contact-messages/${id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('message_not_spam');
    await admin.patch(`/api/admin/contact-messages/${id}`, { status: 'spam' });
    expect((await admin.delete(`/api/admin/contact-messages/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/admin/contact-messages/${id}`)).statusCode).toBe(404);
  });
});
