import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { eventNotifications, type StripeReads } from './stripe-events.ts';

const reads: StripeReads = {
  sessionOfIntent: async (pi) =>
    pi === 'pi_known'
      ? ({ id: 'cs_known', status: 'open', payment_status: 'unpaid' } as Stripe.Checkout.Session)
      : null,
  refundsOfCharge: async () => [
    { id: 're_listed', amount: 700, currency: 'usd', status: 'succeeded' } as Stripe.Refund,
  ],
};
const event = (type: string, object: Record<string, unknown>) =>
  ({ id: 'evt_1', object: 'event', type, data: { object } }) as unknown as Stripe.Event;
const session = (o: Record<string, unknown> = {}) => ({
  id: 'cs_1',
  object: 'checkout.session',
  status: 'complete',
  payment_status: 'paid',
  payment_intent: 'pi_1',
  amount_total: 150_000,
  currency: 'pkr',
  ...o,
});
const map = (type: string, object: Record<string, unknown>) => eventNotifications(event(type, object), reads);

describe('Stripe events as pipeline notifications', () => {
  it('maps the Checkout Session events', async () => {
    expect(await map('checkout.session.completed', session())).toEqual([
      {
        kind: 'payment_succeeded',
        eventId: 'evt_1',
        providerRef: 'cs_1',
        chargeRef: 'pi_1',
        amountMinor: 150_000,
        currency: 'PKR',
      },
    ]);
    expect(await map('checkout.session.completed', session({ payment_status: 'unpaid' }))).toEqual([
      { kind: 'payment_pending', eventId: 'evt_1', providerRef: 'cs_1' },
    ]);
    expect(await map('checkout.session.async_payment_succeeded', session())).toMatchObject([
      { kind: 'payment_succeeded', providerRef: 'cs_1' },
    ]);
    expect(await map('checkout.session.async_payment_failed', session())).toMatchObject([
      { kind: 'payment_failed', providerRef: 'cs_1', errorCode: 'async_failed' },
    ]);
    expect(await map('checkout.session.expired', session({ status: 'expired' }))).toMatchObject([
      { kind: 'payment_failed', providerRef: 'cs_1', errorCode: 'expired' },
    ]);
  });

  it('maps a declined intent to its session, or to the intent when it has none', async () => {
    const declined = (id: string) => ({
      id,
      object: 'payment_intent',
      last_payment_error: {
        code: 'card_declined',
        decline_code: 'stolen_card',
        message: 'Your card was declined.',
      },
    });
    expect(await map('payment_intent.payment_failed', declined('pi_known'))).toEqual([
      {
        kind: 'payment_failed',
        eventId: 'evt_1',
        providerRef: 'cs_known',
        errorCode: 'stolen_card',
        errorMessage: 'Your card was declined.',
      },
    ]);
    expect(await map('payment_intent.payment_failed', declined('pi_other'))).toMatchObject([
      { providerRef: 'pi_other' },
    ]);
  });

  it('maps refunds per refund (listing them when the charge does not) and disputes by the intent', async () => {
    const charge = { id: 'ch_1', object: 'charge', payment_intent: 'pi_1' };
    expect(await map('charge.refunded', charge)).toEqual([
      {
        kind: 'refund_succeeded',
        eventId: 're_listed:succeeded',
        providerRef: 'pi_1',
        refundRef: 're_listed',
        amountMinor: 700,
        currency: 'USD',
      },
    ]);
    expect(
      await map('refund.updated', {
        id: 're_2',
        amount: 5,
        currency: 'usd',
        status: 'pending',
        payment_intent: 'pi_1',
      }),
    ).toEqual([]);
    expect(
      await map('charge.dispute.created', {
        id: 'dp_1',
        payment_intent: 'pi_1',
        charge: 'ch_1',
        status: 'needs_response',
      }),
    ).toEqual([{ kind: 'dispute_opened', eventId: 'evt_1', providerRef: 'pi_1', status: 'needs_response' }]);
    expect(
      await map('charge.dispute.closed', {
        id: 'dp_1',
        payment_intent: null,
        charge: 'ch_1',
        status: 'lost',
      }),
    ).toMatchObject([{ kind: 'dispute_closed', providerRef: 'ch_1', status: 'lost' }]);
  });

  it('ignores every other event type', async () => {
    expect(await map('customer.created', { id: 'cus_1' })).toEqual([]);
    expect(await map('invoice.paid', { id: 'in_1' })).toEqual([]);
  });
});
