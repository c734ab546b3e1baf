import { index, inet, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './identity.ts';

/** The platform's own records: the admin audit log, health checks, job runs and archived rows. */

/**
 * Every admin action (and every start and end of an impersonation): who, as whom, what, on which
 * target, the state before and after, from where, when. Written by the audit hook after a successful
 * admin write; never updated or deleted by the application.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as text so the entry still names the actor after the account is deleted. */
    actorEmail: text('actor_email'),
    /** Set when the actor was an admin signed in as another user. */
    impersonatorId: uuid('impersonator_id').references(() => users.id, { onDelete: 'set null' }),
    /** `user.role_changed`, `course.published`, … or, by default, `<METHOD> <route>`. */
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    statusCode: integer('status_code'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_actor_created_idx').on(t.actorId, t.createdAt),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.createdAt),
    index('audit_log_action_created_idx').on(t.action, t.createdAt),
  ],
);

export const checkStateEnum = pgEnum('check_state', ['ok', 'warn', 'crit']);

/** The current state of each automated check; a row per check id. */
export const checkStates = pgTable('check_states', {
  checkId: text('check_id').primaryKey(),
  state: checkStateEnum('state').notNull(),
  message: text('message').notNull(),
  /** The figures behind the message (latency, free bytes, counts…). */
  details: jsonb('details').$type<Record<string, unknown>>(),
  /** When the check entered its current state. */
  since: timestamp('since', { withTimezone: true }).notNull(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});

/** One row per change of state (not per run), so the history stays small and readable. */
export const checkHistory = pgTable(
  'check_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: text('check_id').notNull(),
    state: checkStateEnum('state').notNull(),
    previousState: checkStateEnum('previous_state'),
    message: text('message').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('check_history_check_created_idx').on(t.checkId, t.createdAt)],
);

export const jobRunStatusEnum = pgEnum('job_run_status', ['running', 'succeeded', 'failed']);

/**
 * Each run of a scheduled or manual operations job (`backup`, `restore_drill`, `maintenance.*`,
 * `checks`): when, how long, its result (the backup's archive and size, the drill's comparison,
 * the rows purged…) or its error.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    job: text('job').notNull(),
    status: jobRunStatusEnum('status').notNull().default('running'),
    /** `schedule`, `admin:<user id>`, `cli`. */
    trigger: text('trigger').notNull().default('schedule'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (t) => [index('job_runs_job_started_idx').on(t.job, t.startedAt)],
);

/**
 * Rows moved out of hot tables by the archive job (old course events, auth events, payment events),
 * kept whole as JSON: never silently deleted, still in every backup, searchable by source and time.
 */
export const archivedRecords = pgTable(
  'archived_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The table the row came from. */
    source: text('source').notNull(),
    originalId: text('original_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('archived_records_source_occurred_idx').on(t.source, t.occurredAt),
    index('archived_records_source_original_idx').on(t.source, t.originalId),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type CheckStateRow = typeof checkStates.$inferSelect;
export type CheckHistoryRow = typeof checkHistory.$inferSelect;
export type JobRunRow = typeof jobRuns.$inferSelect;
export type ArchivedRecordRow = typeof archivedRecords.$inferSelect;
