import { DAY_MS, inBatches, type MaintenanceTask } from './task.ts';

/**
 * Orders nothing will happen to any more: delivered or fulfilled after payment, fully refunded, or
 * cancelled. (`failed` can still be paid again by the buyer; `partially_refunded` can still be refunded.)
 */
export const FINISHED_ORDER_STATUSES = ['fulfilled', 'delivered', 'refunded', 'cancelled'] as const;
const FINISHED = FINISHED_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * One batch of finished orders untouched since the cut-off gets `archived_at`: it leaves the default
 * back-office list and stays whole. `updated_at` is left alone, so the order's own history is unchanged.
 */
const ARCHIVE_ORDERS = `
  with picked as (
    select id from orders
     where archived_at is null and status in (${FINISHED}) and updated_at < $1
     limit $3 for update skip locked
  ), done as (
    update orders o set archived_at = $2 from picked where o.id = picked.id returning 1
  )
  select count(*)::int as n from done`;

/**
 * Move one batch of old rows of `table` into `archived_records`, whole, as JSON: the delete and the
 * insert are one statement, so a batch is moved entirely or not at all, and a row locked by another
 * run (the same job started twice) is skipped by this one, never copied twice.
 */
const moveEvents = (o: { table: string; idExpr: string; timeColumn: string; extraWhere?: string }) => `
  with picked as (
    select ctid from ${o.table}
     where ${o.timeColumn} < $1 ${o.extraWhere ? `and ${o.extraWhere}` : ''}
     limit $3 for update skip locked
  ), moved as (
    delete from ${o.table} t using picked where t.ctid = picked.ctid returning t.*
  ), kept as (
    insert into archived_records (source, original_id, occurred_at, payload, archived_at)
    select '${o.table}', ${o.idExpr}, moved.${o.timeColumn}, to_jsonb(moved), $2 from moved
    returning 1
  )
  select count(*)::int as n from kept`;

/**
 * `archive` (daily): finished orders older than ARCHIVE_ORDERS_AFTER_DAYS are marked archived (never
 * deleted); course events, auth events, and payment events of finished orders older than
 * ARCHIVE_EVENTS_AFTER_DAYS move to `archived_records`. Nothing is lost: every moved row is in the
 * archive table, in every backup, searchable by source and time.
 */
export const archiveOld: MaintenanceTask = async (ctx) => {
  const now = ctx.clock.now();
  const { ordersAfterDays, eventsAfterDays } = ctx.config.operations.archive;
  const orderCutoff = new Date(now.getTime() - ordersAfterDays * DAY_MS).toISOString();
  const eventCutoff = new Date(now.getTime() - eventsAfterDays * DAY_MS).toISOString();
  const at = now.toISOString();
  const orders = await inBatches(ctx, ARCHIVE_ORDERS, [orderCutoff, at]);
  const courseEvents = await inBatches(
    ctx,
    moveEvents({ table: 'course_events', idExpr: 'moved.id::text', timeColumn: 'created_at' }),
    [eventCutoff, at],
  );
  const authEvents = await inBatches(
    ctx,
    moveEvents({ table: 'auth_events', idExpr: 'moved.id::text', timeColumn: 'created_at' }),
    [eventCutoff, at],
  );
  // A payment event is the pipeline's proof that a notification was handled; only those of orders
  // that can no longer change may go (a redelivery then meets an order whose status already says it).
  const paymentEvents = await inBatches(
    ctx,
    moveEvents({
      table: 'payment_events',
      idExpr: `moved.provider::text || ':' || moved.event_id`,
      timeColumn: 'received_at',
      extraWhere: `order_id in (select id from orders where status in (${FINISHED}))`,
    }),
    [eventCutoff, at],
  );
  return {
    ordersArchived: orders,
    courseEventsMoved: courseEvents,
    authEventsMoved: authEvents,
    paymentEventsMoved: paymentEvents,
    orderCutoff,
    eventCutoff,
  };
};
