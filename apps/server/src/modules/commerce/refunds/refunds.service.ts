import type { RefundBody, RefundDto, RefundQuote } from '@9tangle/contracts';
import type { Executor } from '../../../db/client.ts';
import type { OrderRow, RefundRow } from '../../../db/schema/index.ts';
import { conflict, notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import type { CardProviders } from '../payments/providers.ts';
import { type Applied, type ApplyDeps, applyRefund } from './apply-refund.ts';
import { computeRefund, type RefundLine } from './refund-amount.ts';
import { refundsRepo } from './refunds.repo.ts';

export type RefundsDeps = ApplyDeps &
  Pick<CommerceDeps, 'database' | 'log' | 'onEnrollmentChange'> & { providers: CardProviders };

/** Where an order stands for refunds: each line with what refunds already hold, and the shipping. */
export async function refundState(x: Executor, order: OrderRow) {
  const [items, held] = await Promise.all([refundsRepo.items(x, order.id), refundsRepo.held(x, order.id)]);
  const perLine = new Map<string, { q: number; m: number }>();
  let shippingHeldMinor = 0;
  for (const r of held) {
    let lines = 0;
    for (const i of r.items) {
      const cur = perLine.get(i.orderItemId) ?? { q: 0, m: 0 };
      perLine.set(i.orderItemId, { q: cur.q + i.quantity, m: cur.m + i.amountMinor });
      lines += i.amountMinor;
    }
    shippingHeldMinor += r.amountMinor - lines;
  }
  const heldMinor = held.reduce((s, r) => s + r.amountMinor, 0);
  return {
    items,
    heldMinor,
    shippingHeld: order.shippingMinor > 0 && shippingHeldMinor >= order.shippingMinor,
    lines: items.map((i) => ({
      id: i.id,
      quantity: i.quantity,
      totalMinor: i.totalMinor,
      heldQuantity: perLine.get(i.id)?.q ?? 0,
      heldMinor: perLine.get(i.id)?.m ?? 0,
    })),
  };
}

/** `computeRefund` for a locked (or read) order, disputes lost counting as nothing left to refund. */
async function compute(x: Executor, order: OrderRow, body: Pick<RefundBody, 'items' | 'shipping'>) {
  if (order.disputeStatus === 'lost')
    throw conflict('refund_not_refundable', 'A lost dispute already gave the money back.');
  const s = await refundState(x, order);
  return computeRefund(
    {
      status: order.status,
      totalMinor: order.totalMinor,
      shippingMinor: order.shippingMinor,
      heldMinor: s.heldMinor,
      shippingHeld: s.shippingHeld,
    },
    s.lines,
    body,
  );
}

export function toRefundDto(r: RefundRow): RefundDto {
  const lines = r.items.reduce((s, i) => s + i.amountMinor, 0);
  return {
    id: r.id,
    provider: r.provider,
    providerRef: r.providerRef,
    amountMinor: r.amountMinor,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    items: r.items,
    shippingMinor: r.amountMinor - lines,
    errorMessage: r.errorMessage,
    createdAt: r.createdAt.toISOString(),
    succeededAt: r.succeededAt?.toISOString() ?? null,
  };
}

export function createRefundsService(d: RefundsDeps) {
  const { database } = d;

  async function afterCommit(applied: Applied | null) {
    if (!applied) return;
    await d.mail.dispatch(...applied.mailIds);
    if (applied.accessChanged) await d.onEnrollmentChange();
  }

  /** Apply a refund the provider reports as done, under the order's lock (idempotent). */
  async function settle(refundId: string, orderId: string, providerRef: string | null, restock: boolean) {
    const applied = await database.db.transaction(async (tx) => {
      const order = await refundsRepo.lockOrder(tx, orderId);
      const refund = await refundsRepo.lock(tx, refundId);
      if (!order || !refund || refund.status !== 'pending') return null;
      return applyRefund(tx, d, { order, refund, providerRef, restock });
    });
    await afterCommit(applied);
  }

  return {
    afterCommit,
    /** The amount a refund of these lines would come to, computed by the server, before confirming. */
    async quote(number: string, body: Pick<RefundBody, 'items' | 'shipping'>): Promise<RefundQuote> {
      return database.db.transaction(async (tx) => {
        const order = await refundsRepo.lockOrderByNumber(tx, number);
        if (!order) throw notFound('order');
        return { ...(await compute(tx, order, body)), currency: order.currency };
      });
    },

    /**
     * Refund lines (and the shipping) of an order. The amount is computed from the frozen lines under the
     * order's lock, with pending refunds counted, so two admins refunding the same line at once cannot
     * both succeed (the second is 409 `refund_exceeds_paid`). Manual payments are refunded outside and
     * recorded here as succeeded at once; a card provider is asked, idempotently on the refund's id, and
     * the refund applied when it answers succeeded (or later, by its webhook, when it answers pending).
     */
    async create(actor: CurrentUser, number: string, body: RefundBody): Promise<RefundDto> {
      const created = await database.db.transaction(async (tx) => {
        const order = await refundsRepo.lockOrderByNumber(tx, number);
        if (!order) throw notFound('order');
        const r = await compute(tx, order, body);
        const payment = await refundsRepo.paidAttempt(tx, order.id);
        const provider = payment?.provider ?? order.provider ?? 'manual';
        if (provider !== 'manual' && !d.providers.get(provider))
          throw conflict('refund_provider_unavailable', `Refunds through ${provider} are not configured.`);
        const refund = await refundsRepo.insert(tx, {
          orderId: order.id,
          paymentId: payment?.id ?? null,
          provider,
          amountMinor: r.amountMinor,
          currency: order.currency,
          reason: body.reason,
          items: r.items satisfies RefundLine[],
          createdBy: actor.id,
          createdAt: d.clock.now(),
        });
        const applied =
          provider === 'manual' ? await applyRefund(tx, d, { order, refund, restock: body.restock }) : null;
        return { refund, applied, payment, order };
      });
      await afterCommit(created.applied);
      const { refund, payment } = created;
      const fresh = async () => toRefundDto((await refundsRepo.find(database.db, refund.id)) ?? refund);
      if (refund.provider === 'manual') return fresh();
      const provider = d.providers.get(refund.provider);
      if (!provider || !payment?.providerRef)
        throw conflict('refund_provider_unavailable', 'There is no card payment to refund.');
      let answer: Awaited<ReturnType<typeof provider.refund>>;
      try {
        answer = await provider.refund({
          refundId: refund.id,
          providerRef: payment.providerRef,
          chargeRef: payment.providerChargeRef,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
        });
      } catch (err) {
        d.log.error({ err, refundId: refund.id }, 'refund call failed');
        answer = { refundRef: '', status: 'failed', error: 'The provider could not be reached.' };
      }
      if (answer.status === 'failed') {
        await refundsRepo.failPending(database.db, refund.id, answer.error ?? 'Refused');
        throw conflict(
          'refund_failed',
          `The provider refused the refund: ${answer.error ?? 'no reason given'}.`,
        );
      }
      if (answer.status === 'succeeded')
        await settle(refund.id, refund.orderId, answer.refundRef, body.restock);
      else await refundsRepo.update(database.db, refund.id, { providerRef: answer.refundRef });
      return fresh();
    },
  };
}
export type RefundsService = ReturnType<typeof createRefundsService>;
