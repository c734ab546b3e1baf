import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../src/db/client.ts';
import {
  type OrderItemRow,
  type OrderRow,
  orders,
  type PaymentRow,
  payments,
  type UserRow,
} from '../src/db/schema/index.ts';
import { createCatalogCache } from '../src/modules/catalog/catalog-cache.ts';
import { type LedgerLine, ledger } from '../src/modules/commerce/ledger/ledger.ts';
import { createPaymentPipeline } from '../src/modules/commerce/payments/pipeline.ts';
import { createCardProviders } from '../src/modules/commerce/payments/providers.ts';
import { registerRefundHandlers } from '../src/modules/commerce/refunds/refund-notifications.ts';
import { createRefundsService } from '../src/modules/commerce/refunds/refunds.service.ts';
import { createEnrollmentService } from '../src/modules/learning/enrollment.service.ts';
import { enrollmentsRepo } from '../src/modules/learning/enrollments.repo.ts';
import { createMailService } from '../src/modules/notifications/mail.service.ts';
import { createSecrets } from '../src/platform/crypto.ts';
import type { CardProvider } from '../src/platform/payments.ts';
import { buildPendingOrder } from '../src/seed/commerce-factories.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../src/seed/factories.ts';
import { uniqueWord } from './catalog.ts';
import type { TestApp } from './harness.ts';

/**
 * A paid order as the checkout's fulfilment leaves it (the orders back office's tests build theirs so,
 * before and after the checkout slice): `buildPendingOrder`, the attempt succeeded with a charge, the
 * order `status` (paid unless told), course access granted, and the sale posted to the ledger — per line
 * the instructor's `sharePercent` of a course line and the academy's rest, tagged with the line, plus
 * shipping.
 */
export async function buildPaidOrder(
  x: Executor,
  o: Parameters<typeof buildPendingOrder>[1] & {
    instructors?: Record<string, string>;
    sharePercent?: number;
    shippingMinor?: number;
    status?: OrderRow['status'];
    paidAt?: Date;
  },
): Promise<{ order: OrderRow; items: OrderItemRow[]; payment: PaymentRow }> {
  const built = await buildPendingOrder(x, o);
  const at = o.paidAt ?? new Date();
  const shipping = o.shippingMinor ?? 0;
  const total = built.order.totalMinor + shipping;
  const [order] = await x
    .update(orders)
    .set({
      status: o.status ?? 'paid',
      paidAt: at,
      createdAt: at,
      shippingMinor: shipping,
      totalMinor: total,
    })
    .where(eq(orders.id, built.order.id))
    .returning();
  const [payment] = await x
    .update(payments)
    .set({
      status: 'succeeded',
      providerChargeRef: `ch_${randomUUID()}`,
      succeededAt: at,
      amountMinor: total,
    })
    .where(eq(payments.id, built.payment.id))
    .returning();
  if (!order || !payment) throw new Error('buildPaidOrder: no order');
  const share = o.sharePercent ?? 70;
  const lines: LedgerLine[] = [{ account: `cash:${order.provider ?? 'test'}`, amountMinor: total }];
  for (const i of built.items) {
    const instructor = i.courseId ? o.instructors?.[i.courseId] : undefined;
    const mine = instructor ? Math.floor((i.totalMinor * share) / 100) : 0;
    if (instructor)
      lines.push({
        account: 'payable:instructor',
        userId: instructor,
        orderItemId: i.id,
        amountMinor: -mine,
      });
    lines.push({ account: 'revenue:academy', orderItemId: i.id, amountMinor: -(i.totalMinor - mine) });
    if (i.courseId)
      await enrollmentsRepo.upsertActive(x, {
        userId: order.userId,
        courseId: i.courseId,
        source: 'purchase',
        sourceRef: order.id,
        expiresAt: null,
        now: at,
      });
  }
  if (shipping > 0) lines.push({ account: 'revenue:shipping', amountMinor: -shipping });
  await ledger.post(x, {
    kind: 'sale',
    currency: order.currency,
    orderId: order.id,
    paymentId: payment.id,
    lines,
    at,
  });
  return { order, items: built.items, payment };
}

/** A published paid course (one lesson) by a fresh instructor. */
export async function paidCourse(t: TestApp, priceMinor = 500_000) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  const course = await buildCourse(db, {
    instructorId: instructor.id,
    title: `Paid ${uniqueWord()}`,
    status: 'published',
    priceMinor,
  });
  const section = await buildSection(db, { courseId: course.id });
  const lesson = await buildLesson(db, { sectionId: section.id });
  return { course, instructor, lesson };
}

/** A student's paid order of these courses (each sale's share to the course's instructor). */
export async function paidOrderOf(
  t: TestApp,
  buyer: UserRow,
  courses: Awaited<ReturnType<typeof paidCourse>>[],
  o: { provider?: 'stripe' | 'paypal' | 'manual' | 'test'; paidAt?: Date; shippingMinor?: number } = {},
) {
  return buildPaidOrder(t.platform.database.db, {
    userId: buyer.id,
    email: buyer.email,
    courses: courses.map((c) => c.course),
    instructors: Object.fromEntries(courses.map((c) => [c.course.id, c.instructor.id])),
    sharePercent: t.config.commerce.revenueSharePercent,
    provider: o.provider ?? 'manual',
    paidAt: o.paidAt,
    shippingMinor: o.shippingMinor,
  });
}

/**
 * The orders slice's services and a payment pipeline of its own, on the test app's database: for the
 * provider's side of refunds and disputes (a card provider faked from the test, webhooks delivered to
 * the pipeline as the provider's webhook route would, duplicates included).
 */
export function refundsWithProviders(t: TestApp, providers: CardProvider[] = []) {
  const { database, clock, jobs, mailTransport } = t.platform;
  const log = t.app.log;
  const mail = createMailService({
    database,
    jobs,
    transport: mailTransport,
    secrets: createSecrets(t.config.secrets.session, t.config.secrets.previous),
    from: t.config.mail.from,
    log,
    clock,
  });
  const noop = async () => {};
  const enrollments = createEnrollmentService({
    database,
    clock,
    courseSummaries: async () => [],
    catalogCache: createCatalogCache(t.platform.cache),
    onEnrollmentChange: noop,
  });
  const deps = { database, clock, mail, enrollments, config: t.config, log, onEnrollmentChange: noop };
  const refunds = createRefundsService({ ...deps, providers: createCardProviders(providers) });
  const pipeline = createPaymentPipeline({ database, log });
  registerRefundHandlers(pipeline, { ...deps, refunds });
  return { refunds, pipeline };
}
