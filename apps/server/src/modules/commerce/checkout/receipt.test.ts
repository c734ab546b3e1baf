import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCart, paidCourse, placeOrder, pressTestPay } from '../../../../test/checkout.ts';
import { waitFor } from '../../../../test/clients.ts';
import { student } from '../../../../test/course-progress.ts';
import { createTestApp, type TestApp, uniqueEmail } from '../../../../test/harness.ts';
import type { MailTransport, OutgoingMail } from '../../../platform/mail-transport.ts';

const sent: OutgoingMail[] = [];
const transport: MailTransport = {
  kind: 'smtp',
  send: async (m) => {
    sent.push(m);
    return { messageId: `m${sent.length}` };
  },
  close: () => undefined,
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TEST_PAYMENTS: 'true' }, mailTransport: transport });
});
afterAll(async () => t?.close());

describe('the receipt', () => {
  it('is mailed once with the invoice PDF attached; the invoice is the buyer’s to download', async () => {
    const s = await student(t);
    const { course } = await paidCourse(t, { priceMinor: 250_000 });
    await fillCart(t, s.user.id, [{ courseId: course.id }]);
    const email = uniqueEmail('buyer');
    const placed = (await placeOrder(s.client, { contact: { name: 'Bilal Buyer', email } })).json();
    expect((await s.client.get(`/api/orders/${placed.orderNumber}/invoice.pdf`)).statusCode).toBe(404); // unpaid
    await pressTestPay(s.client, placed.redirectUrl, 'pay');
    const mail = await waitFor(() => sent.find((m) => m.to === email), { what: 'receipt delivery' });
    expect(sent.filter((m) => m.to === email)).toHaveLength(1);
    expect(mail.subject).toContain(placed.orderNumber);
    expect(mail.text).toContain('PKR 2,500');
    expect(mail.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      [`invoice-${placed.orderNumber}.pdf`, 'application/pdf'],
    ]);
    expect(mail.attachments?.[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const pdf = await s.client.get(`/api/orders/${placed.orderNumber}/invoice.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await student(t);
    expect((await other.client.get(`/api/orders/${placed.orderNumber}/invoice.pdf`)).statusCode).toBe(404);
  });
});
