import { eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { type TestPaymentSessionRow, testPaymentSessions } from '../../../../db/schema/index.ts';
import { AppError } from '../../../../http/errors.ts';
import type { CardProvider, PaymentNotification } from '../../../../platform/payments.ts';

export const DECLINE_MESSAGE = 'Your card was declined. Try another card or another payment method.';

/** The notifications a simulated outcome sends, with event ids unique per simulated event (`seq`). */
export function notificationsOf(s: TestPaymentSessionRow, source: string): PaymentNotification | null {
  const eventId = `${s.providerRef}:${s.seq}:${s.outcome}:${source}`;
  if (s.outcome === 'succeeded')
    return {
      kind: 'payment_succeeded',
      eventId,
      providerRef: s.providerRef,
      chargeRef: `ch_${s.providerRef}`,
      amountMinor: s.amountMinor,
      currency: s.currency,
    };
  if (s.outcome === 'declined')
    return {
      kind: 'payment_failed',
      eventId,
      providerRef: s.providerRef,
      errorCode: 'card_declined',
      errorMessage: DECLINE_MESSAGE,
    };
  if (s.outcome === 'delayed') return { kind: 'payment_pending', eventId, providerRef: s.providerRef };
  return null;
}

/**
 * The simulated card provider of the embedded demo and the tests (ADR 026): every currency, a page of
 * ours (`/checkout/test-pay/<ref>`) instead of a hosted one, and the outcome the buyer picks there kept
 * in `test_payment_sessions`, so `lookup` answers as a real provider would.
 */
export function createTestProvider(d: { database: Database }): CardProvider {
  const db = d.database.db;
  return {
    name: 'test',
    supportsCurrency: () => true,
    async createCheckout(r) {
      const providerRef = `test_${r.paymentId}`;
      await db
        .insert(testPaymentSessions)
        .values({ providerRef, paymentId: r.paymentId, amountMinor: r.amountMinor, currency: r.currency })
        .onConflictDoNothing();
      return { providerRef, redirectUrl: `/checkout/test-pay/${providerRef}` };
    },
    async parseWebhook() {
      throw new AppError('not_found', 404, 'The test provider sends no webhooks');
    },
    async lookup(providerRef) {
      const [s] = await db
        .select()
        .from(testPaymentSessions)
        .where(eq(testPaymentSessions.providerRef, providerRef))
        .limit(1);
      // A delayed payment is still open until its confirmation job runs.
      if (!s || s.outcome === 'delayed') return null;
      return notificationsOf(s, 'lookup');
    },
    async refund(r) {
      return { refundRef: `re_${r.refundId}`, status: 'succeeded' };
    },
  };
}
