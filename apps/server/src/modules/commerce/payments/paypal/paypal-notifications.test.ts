import { describe, expect, it } from 'vitest';
import { eventNotifications, orderNotification } from './paypal-notifications.ts';

const event = (event_type: string, resource: Record<string, unknown>) => ({
  id: 'WH-1',
  event_type,
  resource,
});
const capture = {
  id: 'CAP1',
  status: 'COMPLETED',
  amount: { currency_code: 'USD', value: '49.99' },
  supplementary_data: { related_ids: { order_id: 'ORDER1' } },
};

describe('PayPal events → notifications', () => {
  it('maps a completed capture to payment_succeeded of its order, with the capture as the charge', () => {
    expect(eventNotifications(event('PAYMENT.CAPTURE.COMPLETED', capture))).toEqual([
      {
        kind: 'payment_succeeded',
        eventId: 'WH-1',
        providerRef: 'ORDER1',
        chargeRef: 'CAP1',
        amountMinor: 4999,
        currency: 'USD',
      },
    ]);
  });
  it('maps a refund to refund_succeeded of the capture its up link names', () => {
    const refund = {
      id: 'REF1',
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '10.00' },
      links: [
        { rel: 'self', href: 'https://api-m.paypal.com/v2/payments/refunds/REF1' },
        { rel: 'up', href: 'https://api-m.paypal.com/v2/payments/captures/CAP1' },
      ],
    };
    expect(eventNotifications(event('PAYMENT.CAPTURE.REFUNDED', refund))).toEqual([
      {
        kind: 'refund_succeeded',
        eventId: 'WH-1',
        providerRef: 'CAP1',
        refundRef: 'REF1',
        amountMinor: 1000,
        currency: 'USD',
      },
    ]);
  });
  it('maps denied and declined captures to payment_failed with PayPal’s reason', () => {
    for (const type of ['PAYMENT.CAPTURE.DENIED', 'PAYMENT.CAPTURE.DECLINED'])
      expect(
        eventNotifications(
          event(type, { ...capture, status: 'DECLINED', status_details: { reason: 'BUYER_COMPLAINT' } }),
        ),
      ).toEqual([
        {
          kind: 'payment_failed',
          eventId: 'WH-1',
          providerRef: 'ORDER1',
          errorCode: 'paypal_capture_declined',
          errorMessage: 'PayPal declined the payment (buyer complaint).',
        },
      ]);
  });
  it('maps disputes to opened and closed with won or lost', () => {
    const d = { disputed_transactions: [{ seller_transaction_id: 'CAP1' }] };
    expect(eventNotifications(event('CUSTOMER.DISPUTE.CREATED', { ...d, status: 'OPEN' }))).toEqual([
      { kind: 'dispute_opened', eventId: 'WH-1', providerRef: 'CAP1', status: 'open' },
    ]);
    const outcome = (code: string) =>
      eventNotifications(
        event('CUSTOMER.DISPUTE.RESOLVED', { ...d, dispute_outcome: { outcome_code: code } }),
      )[0];
    expect(outcome('RESOLVED_BUYER_FAVOUR')).toMatchObject({ kind: 'dispute_closed', status: 'lost' });
    expect(outcome('RESOLVED_SELLER_FAVOUR')).toMatchObject({ kind: 'dispute_closed', status: 'won' });
  });
  it('yields nothing for unknown types and for events missing what they are matched on', () => {
    expect(eventNotifications(event('PAYMENT.SALE.COMPLETED', capture))).toEqual([]);
    expect(eventNotifications(event('PAYMENT.CAPTURE.COMPLETED', { id: 'CAP1' }))).toEqual([]);
    expect(eventNotifications(event('PAYMENT.CAPTURE.REFUNDED', { id: 'REF1', links: [] }))).toEqual([]);
    expect(eventNotifications(event('CUSTOMER.DISPUTE.CREATED', { disputed_transactions: [] }))).toEqual([]);
  });
  it('reads an order: completed → its capture, voided → failed, anything else → still open', () => {
    const order = (status: string) => ({
      id: 'ORDER1',
      status,
      purchase_units: [{ payments: { captures: [capture] } }],
    });
    expect(orderNotification(order('COMPLETED'))).toMatchObject({
      kind: 'payment_succeeded',
      eventId: 'capture:CAP1',
    });
    expect(orderNotification(order('VOIDED'))).toMatchObject({
      kind: 'payment_failed',
      eventId: 'voided:ORDER1',
    });
    for (const s of ['CREATED', 'PAYER_ACTION_REQUIRED', 'APPROVED', 'SAVED'])
      expect(orderNotification(order(s))).toBeNull();
    const pending = {
      ...order('COMPLETED'),
      purchase_units: [{ payments: { captures: [{ ...capture, status: 'PENDING' }] } }],
    };
    expect(orderNotification(pending)).toEqual({
      kind: 'payment_pending',
      eventId: 'capture-pending:CAP1',
      providerRef: 'ORDER1',
    });
  });
});
