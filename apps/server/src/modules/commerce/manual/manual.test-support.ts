import type { LightMyRequestResponse } from 'fastify';
import { signedIn } from '../../../../test/catalog.ts';
import type { Client, TestApp } from '../../../../test/harness.ts';
import { FILES } from '../../../../test/media.ts';
import { type Part, postMultipart } from '../../../../test/multipart.ts';
import { buildManualAccount, buildPendingOrder } from '../../../seed/commerce-factories.ts';
import { buildCourse, buildUser } from '../../../seed/factories.ts';

/** A JPEG's first bytes: enough for `file-type` to recognise it. */
export const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(200, 7),
]);
export const PROOF_FILES = { ...FILES, jpeg: JPEG };

/**
 * A signed-in student with a pending order of one paid course, payable by manual transfer: what the
 * checkout leaves behind (an order with provider `manual` and its attempt `manual_<paymentId>`).
 */
export async function manualOrder(t: TestApp, o: { priceMinor?: number } = {}) {
  const db = t.platform.database.db;
  const buyer = await signedIn(t, 'student');
  const teacher = await buildUser(db, { role: 'instructor' });
  const course = await buildCourse(db, {
    instructorId: teacher.id,
    status: 'published',
    priceMinor: o.priceMinor ?? 250_000,
    currency: 'PKR',
  });
  const built = await buildPendingOrder(db, {
    userId: buyer.user.id,
    email: buyer.user.email,
    courses: [{ id: course.id, title: course.title, priceMinor: course.priceMinor, currency: 'PKR' }],
    provider: 'manual',
    providerRef: `manual_pending_${course.id}`,
  });
  return { ...buyer, ...built, course };
}

export const anAccount = (t: TestApp, o: Parameters<typeof buildManualAccount>[1] = {}) =>
  buildManualAccount(t.platform.database.db, o);

/** Send a proof (a JPEG unless told) with valid fields unless overridden. */
export function sendProof(
  t: TestApp,
  client: Client | null,
  orderNumber: string,
  o: {
    accountId: string;
    file?: Buffer | string | null;
    fileName?: string;
    fields?: Record<string, string>;
  },
): Promise<LightMyRequestResponse> {
  const fields = {
    transactionId: 'TX-123456',
    paidOn: '2026-05-01',
    senderAccount: '0301-1234567',
    accountId: o.accountId,
    ...o.fields,
  };
  const parts: Part[] = Object.entries(fields).map(([name, data]) => ({ name, data }));
  if (o.file !== null)
    parts.push({
      name: 'file',
      filename: o.fileName ?? 'receipt.jpg',
      contentType: 'image/jpeg',
      data: o.file ?? JPEG,
    });
  return postMultipart(t.app, client, `/api/orders/${orderNumber}/manual-proofs`, parts);
}
