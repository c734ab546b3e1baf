import type {
  AdminOrderDetail,
  AdminOrderPage,
  AdminOrderQuery,
  BulkStatusBody,
  BulkStatusResult,
} from '@9tangle/contracts';
import { z } from 'zod';
import { AppError, badRequest, notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { isRefundable } from '../refunds/refund-amount.ts';
import { refundState, toRefundDto } from '../refunds/refunds.service.ts';
import { toAdminItem, toAdminOrderRow, toAttempt, toEvent } from './admin-orders.mappers.ts';
import { adminOrdersRepo as repo } from './admin-orders.repo.ts';
import { canTransition } from './order-status.policy.ts';

const Cursor = z.object({ c: z.string().min(10).max(40), i: z.uuid() });
const encodeCursor = (c: string, i: string) => Buffer.from(JSON.stringify({ c, i })).toString('base64url');
function decodeCursor(s: string) {
  try {
    const v = Cursor.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    if (Number.isNaN(Date.parse(v.c))) throw new Error('not a time');
    return { createdAt: v.c, id: v.i };
  } catch {
    throw badRequest('invalid_cursor', 'This cursor is not valid; start again from the first page.');
  }
}

export function createAdminOrdersService(d: Pick<CommerceDeps, 'database' | 'clock' | 'mail' | 'config'>) {
  const { database } = d;
  const db = database.db;
  const orderUrl = (n: string) => new URL(`/orders/${n}`, d.config.http.publicUrl).toString();

  /** Move one order under its lock; an AppError says why not (reported per order, not thrown). */
  async function moveOne(actor: CurrentUser, number: string, body: BulkStatusBody) {
    return database.db.transaction(async (tx) => {
      const order = await repo.lockByNumber(tx, number);
      if (!order) throw notFound('order');
      const items = await repo.items(tx, order.id);
      const ships = items.some((i) => i.requiresShipping);
      if (!canTransition(order.status, body.status, ships))
        throw new AppError(
          'order_invalid_transition',
          409,
          `An order that is ${order.status} cannot become ${body.status}${ships ? '' : ' (nothing to ship)'}.`,
        );
      const now = d.clock.now();
      const stamps = {
        processing: {},
        shipped: { shippedAt: now, trackingNumber: body.trackingNumber ?? order.trackingNumber },
        delivered: { deliveredAt: now },
        fulfilled: { fulfilledAt: now },
        cancelled: { cancelledAt: now },
      }[body.status];
      await repo.updateOrder(tx, order.id, { status: body.status, ...stamps, updatedAt: now });
      if (body.status === 'cancelled') {
        await repo.releaseCoupon(tx, order.id);
        await repo.cancelOpenAttempts(tx, order.id, now);
      }
      await repo.addEvent(tx, {
        orderId: order.id,
        type: 'status_changed',
        fromStatus: order.status,
        toStatus: body.status,
        note:
          body.status === 'shipped' && body.trackingNumber ? `Tracking number ${body.trackingNumber}` : null,
        actorId: actor.id,
        createdAt: now,
      });
      const mailId =
        body.status === 'shipped'
          ? await d.mail.write(tx, order.contactEmail, 'orderShipped', {
              name: order.contactName,
              number: order.number,
              trackingNumber: body.trackingNumber ?? order.trackingNumber ?? null,
              url: orderUrl(order.number),
            })
          : null;
      return mailId;
    });
  }

  return {
    /** Orders, newest first, filtered and searched, one keyset page at a time. */
    async list(q: AdminOrderQuery): Promise<AdminOrderPage> {
      const rows = await repo.list(db, q, q.cursor ? decodeCursor(q.cursor) : null);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => toAdminOrderRow(r.order, r)),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.cursorAt, last.order.id) : null,
      };
    },

    /** One order: lines, every payment attempt, the timeline, notes, refunds and the dispute. */
    async detail(number: string): Promise<AdminOrderDetail> {
      const o = await repo.byNumber(db, number);
      if (!o) throw notFound('order');
      const [items, attempts, events, refunds, state] = await Promise.all([
        repo.items(db, o.id),
        repo.attempts(db, o.id),
        repo.events(db, o.id),
        repo.refunds(db, o.id),
        refundState(db, o),
      ]);
      const all = events.map((e) => toEvent(e.event, e.actorName));
      const open = isRefundable(o.status) && o.disputeStatus !== 'lost';
      return {
        ...toAdminOrderRow(o, {
          itemCount: items.length,
          requiresShipping: items.some((i) => i.requiresShipping),
        }),
        subtotalMinor: o.subtotalMinor,
        discountMinor: o.discountMinor,
        shippingMinor: o.shippingMinor,
        taxMinor: o.taxMinor,
        taxInclusive: o.taxInclusive,
        couponCode: o.couponCode,
        userId: o.userId,
        shippingAddress: o.shippingAddress ? { ...o.shippingAddress } : null,
        shippingMethod: o.shippingMethod,
        trackingNumber: o.trackingNumber,
        dispute: o.disputedAt ? { openedAt: o.disputedAt.toISOString(), status: o.disputeStatus } : null,
        items: items.map(toAdminItem),
        attempts: attempts.map(toAttempt),
        events: all.filter((e) => e.type !== 'note'),
        notes: all.filter((e) => e.type === 'note'),
        refunds: refunds.map(toRefundDto),
        refundableMinor: open ? o.totalMinor - state.heldMinor : 0,
        shippingRefundable: open && o.shippingMinor > 0 && !state.shippingHeld,
      };
    },

    /**
     * Set the status of many orders: each is moved in its own transaction under its lock, only along the
     * allowed transitions; an order that cannot move is reported (409 `order_invalid_transition`, 404)
     * and the others are applied. Every move is an order event with the admin; shipping mails the buyer.
     */
    async bulkStatus(actor: CurrentUser, body: BulkStatusBody): Promise<BulkStatusResult> {
      const results: BulkStatusResult['results'] = [];
      for (const number of [...new Set(body.numbers)]) {
        try {
          const mailId = await moveOne(actor, number, body);
          if (mailId) await d.mail.dispatch(mailId);
          results.push({ number, ok: true, status: body.status, error: null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ number, ok: false, status: null, error: { code: err.code, message: err.message } });
        }
      }
      return { results };
    },

    /** An admin's note on the order's timeline. */
    async addNote(actor: CurrentUser, number: string, text: string) {
      const o = await repo.byNumber(db, number);
      if (!o) throw notFound('order');
      const row = await repo.addEvent(db, {
        orderId: o.id,
        type: 'note',
        note: text,
        actorId: actor.id,
        createdAt: d.clock.now(),
      });
      return toEvent(row, actor.name);
    },
  };
}
export type AdminOrdersService = ReturnType<typeof createAdminOrdersService>;
