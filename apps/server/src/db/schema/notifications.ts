import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'failed']);

/**
 * Every mail, from the moment it is written until it is delivered (or gives up): the outbox and the
 * delivery log at once. The body is encrypted at rest because it carries codes and links.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    template: text('template').notNull(),
    /** AES-256-GCM of `{ html, text }`. */
    bodyEnc: text('body_enc').notNull(),
    status: mailStatus('status').notNull().default('queued'),
    transport: text('transport').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    /**
     * Files read from storage at delivery (migration 0005: the receipt's invoice PDF); one with a `source`
     * that is not stored yet is produced then by that source and stored (ADR 042).
     */
    attachments:
      jsonb('attachments').$type<
        { filename: string; contentType: string; storageKey: string; source?: { kind: string; id: string } }[]
      >(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_messages_status_created_idx').on(t.status, t.createdAt),
    index('mail_messages_to_idx').on(t.to),
  ],
);
export type MailRow = typeof mailMessages.$inferSelect;
