import { randomUUID } from 'node:crypto';
import type {
  CheckoutOptions,
  CheckoutProvider,
  CheckoutQuote,
  CheckoutQuoteBody,
  CreateOrderBody,
  OrderStatusView,
  PlacedOrder,
} from '@9tangle/contracts';
import type { Executor } from '../../../db/client.ts';
import type { OrderRow } from '../../../db/schema/index.ts';
import { AppError, badRequest, conflict, notFound } from '../../../http/errors.ts';
import { isUniqueViolation } from '../../catalog/slug.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { cartPricingRepo } from '../cart/cart-pricing.repo.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import type { CardProviders } from '../payments/providers.ts';
import { assertOrderable, quoteCart } from './checkout-quote.ts';
import {
  type AttemptRef,
  createOrderInTx,
  type LineRef,
  type OrderRef,
  withFreshNumber,
} from './order-create.ts';
import { hashIdempotencyKey } from './order-number.ts';
import { ordersRepo } from './orders.repo.ts';

export type CheckoutServiceDeps = Pick<CommerceDeps, 'config' | 'database' | 'clock' | 'log'> & {
  pipeline: PaymentPipeline;
  providers: CardProviders;
};

const OPEN = new Set(['created', 'pending']);

/** Placing orders and paying them: the routes of `/api/checkout` and the buyer's `/api/orders/:number/…`. */
export function createCheckoutService(d: CheckoutServiceDeps) {
  const db = d.database.db;

  async function assertProvider(x: Executor, provider: CheckoutProvider, currency: string) {
    if (provider === 'manual') {
      if (!(await ordersRepo.hasActiveManualAccount(x)))
        throw conflict('provider_unavailable', 'Manual payment is not offered now');
      return;
    }
    const p = d.providers.get(provider);
    if (!p || !p.supportsCurrency(currency))
      throw conflict('provider_unavailable', `${provider} cannot take payments in ${currency}`);
  }

  /** Open the provider's hosted page for an attempt (idempotent on the attempt's id), once. */
  async function ensureRedirect(
    order: OrderRef,
    payment: AttemptRef,
    /** The order's lines when the caller has them (it has just written them). */
    lines?: LineRef[],
  ): Promise<string> {
    if (payment.redirectUrl) return payment.redirectUrl;
    const provider = payment.provider === 'manual' ? null : d.providers.get(payment.provider);
    if (!provider) throw conflict('provider_unavailable', `${payment.provider} is not configured`);
    const items = lines ?? (await ordersRepo.itemsOf(db, order.id));
    const base = d.config.http.publicUrl;
    const hosted = await provider.createCheckout({
      paymentId: payment.id,
      orderId: order.id,
      orderNumber: order.number,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      customerEmail: order.contactEmail,
      lines: items.map((i) => ({
        title: i.title,
        unitAmountMinor: Math.round(i.totalMinor / i.quantity),
        quantity: i.quantity,
      })),
      successUrl: new URL(`/checkout/success?order=${order.number}`, base).toString(),
      cancelUrl: new URL(`/checkout/success?order=${order.number}&cancelled=1`, base).toString(),
    });
    await ordersRepo.setPayment(db, payment.id, {
      providerRef: hosted.providerRef,
      redirectUrl: hosted.redirectUrl,
      status: payment.status === 'created' ? 'pending' : payment.status,
    });
    return hosted.redirectUrl;
  }

  async function placed(order: OrderRow): Promise<PlacedOrder> {
    const payment = await ordersRepo.latestPayment(db, order.id);
    if (!payment) throw new Error(`order ${order.number} has no attempt`);
    return { orderNumber: order.number, redirectUrl: await ensureRedirect(order, payment) };
  }

  async function mine(user: CurrentUser, number: string): Promise<OrderRow> {
    const order = await ordersRepo.byNumber(db, number);
    if (!order || order.userId !== user.id) throw notFound('order');
    return order;
  }

  return {
    async quote(user: CurrentUser, body: CheckoutQuoteBody): Promise<CheckoutQuote> {
      const r = await quoteCart(db, user.id, body, d.clock.now());
      const quote = r.priced?.quote ?? null;
      const rates = quote?.requiresShipping
        ? await cartPricingRepo.ratesFor(db, body.country, quote.currency)
        : [];
      return {
        quote,
        unavailable: r.unavailable,
        shippingRates: rates.map((x) => ({ id: x.id, name: x.name, minDays: x.minDays, maxDays: x.maxDays })),
      };
    },

    async options(user: CurrentUser): Promise<CheckoutOptions> {
      const cart = await cartPricingRepo.cartOf(db, user.id);
      const lines = cart ? (await cartPricingRepo.linesOf(db, cart.id)).lines : [];
      const currency = lines[0]?.currency ?? cart?.currency ?? null;
      const manual = await ordersRepo.hasActiveManualAccount(db);
      const cards = (['test', 'stripe', 'paypal'] as const).flatMap((name) => {
        const p = d.providers.get(name);
        return p ? [{ name, available: currency !== null && p.supportsCurrency(currency) }] : [];
      });
      return {
        currency,
        currencies: d.config.commerce.currencies,
        providers: [...cards, ...(manual ? [{ name: 'manual' as const, available: currency !== null }] : [])],
      };
    },

    async createOrder(
      user: CurrentUser,
      body: CreateOrderBody,
      idempotencyKey: string | undefined,
    ): Promise<{ created: boolean; order: PlacedOrder }> {
      const key = idempotencyKey?.trim();
      if (!key || key.length < 8 || key.length > 200)
        throw badRequest(
          'idempotency_key_required',
          'An Idempotency-Key header (8–200 characters) is required',
        );
      const keyHash = hashIdempotencyKey(key);
      // A repeated key is rare: it is not looked up first, but found when placing the order fails (its
      // insert meets the key's unique index, or the cart has changed since: paid, emptied, owned).
      const now = d.clock.now();
      const country = body.shippingAddress?.country ?? body.country;
      const input = { ...body, country };
      const place = (number: string) =>
        db.transaction(async (tx) => {
          const priced = assertOrderable(await quoteCart(tx, user.id, input, now), input);
          await assertProvider(tx, body.provider, priced.quote.currency);
          return createOrderInTx(tx, {
            userId: user.id,
            body: { ...body, country },
            priced,
            keyHash,
            number,
            paymentId: randomUUID(),
            now,
            ttlMs: d.config.commerce.pendingOrderTtlMs,
          });
        });
      try {
        const placedNow = await withFreshNumber(place);
        // The attempt and lines just written: no need to read them back.
        const { order, payment, items } = placedNow;
        return {
          created: true,
          order: { orderNumber: order.number, redirectUrl: await ensureRedirect(order, payment, items) },
        };
      } catch (err) {
        if (!isUniqueViolation(err, 'orders_user_idempotency_key') && !(err instanceof AppError)) throw err;
        // An earlier or concurrent request with the same key placed the order: answer it.
        const earlier = await ordersRepo.byIdempotencyKey(db, user.id, keyHash);
        if (!earlier) throw err;
        return { created: false, order: await placed(earlier) };
      }
    },

    /** Another attempt at a pending order of mine (after a declined card, or another provider). */
    async retry(user: CurrentUser, number: string, provider: CheckoutProvider): Promise<PlacedOrder> {
      const order = await mine(user, number);
      if (order.status !== 'pending')
        throw conflict('order_not_payable', 'This order is not awaiting payment');
      await assertProvider(db, provider, order.currency);
      const id = randomUUID();
      const payment = await db.transaction(async (tx) => {
        const locked = await ordersRepo.lockById(tx, order.id);
        if (locked?.status !== 'pending')
          throw conflict('order_not_payable', 'This order is not awaiting payment');
        await ordersRepo.setOrder(tx, order.id, { provider });
        return ordersRepo.insertPayment(tx, {
          id,
          orderId: order.id,
          provider,
          amountMinor: order.totalMinor,
          currency: order.currency,
          ...(provider === 'manual'
            ? {
                providerRef: `manual_${id}`,
                status: 'pending' as const,
                redirectUrl: `/checkout/manual/${order.number}`,
              }
            : { status: 'created' as const }),
        });
      });
      return { orderNumber: order.number, redirectUrl: await ensureRedirect(order, payment) };
    },

    /**
     * Where my order stands, after the buyer returns from the hosted page: an open attempt is looked up
     * at its provider and the answer goes through the pipeline (a racing webhook still fulfils once).
     */
    async status(user: CurrentUser, number: string): Promise<OrderStatusView> {
      let order = await mine(user, number);
      let payment = await ordersRepo.latestPayment(db, order.id);
      const provider =
        payment && payment.provider !== 'manual' ? d.providers.get(payment.provider) : undefined;
      if (
        payment &&
        provider &&
        payment.providerRef &&
        OPEN.has(payment.status) &&
        order.status === 'pending'
      ) {
        const n = await provider.lookup(payment.providerRef).catch((err: unknown) => {
          d.log.warn({ err, provider: payment?.provider }, 'payment lookup failed');
          return null;
        });
        if (n) {
          await d.pipeline.handle(payment.provider, [n]);
          order = (await ordersRepo.byNumber(db, number)) ?? order;
          payment = await ordersRepo.paymentById(db, payment.id);
        }
      }
      const paid = !['pending', 'cancelled', 'failed'].includes(order.status);
      const [courses, downloads] = paid
        ? await Promise.all([ordersRepo.coursesOf(db, order.id), ordersRepo.downloadsOf(db, order.id)])
        : [[], []];
      return {
        orderNumber: order.number,
        status: order.status,
        paid,
        totalMinor: order.totalMinor,
        currency: order.currency,
        payment: payment
          ? {
              provider: payment.provider,
              status: payment.status,
              errorCode: payment.errorCode,
              errorMessage: payment.errorMessage,
            }
          : null,
        canRetry: order.status === 'pending',
        courses,
        downloads: downloads.filter((g) => !g.revokedAt).map((g) => ({ grantId: g.grantId, title: g.title })),
      };
    },
  };
}
export type CheckoutService = ReturnType<typeof createCheckoutService>;
