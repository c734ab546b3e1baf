import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Executor } from '../../db/client.ts';
import type { mailMessages } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { MailTransport } from '../../platform/mail-transport.ts';
import type { Storage } from '../../platform/storage.ts';
import { mailRepo } from './mail.repo.ts';
import { type RenderedMail, type TemplateName, templates } from './templates.ts';

export const MAIL_QUEUE = 'mail.send';
export const MAIL_SWEEP_QUEUE = 'mail.sweep';

/**
 * A file sent with a mail, read from storage when the mail is delivered. With a `source`, a file not in
 * storage yet is produced at delivery by the producer registered for `source.kind` (and stored under
 * `storageKey`): the receipt's invoice is rendered by the job that sends it, not in the webhook.
 */
export interface MailAttachment {
  filename: string;
  contentType: string;
  storageKey: string;
  source?: { kind: string; id: string };
}

/** Makes an attachment's bytes from the id in its `source` (null: nothing to attach, a failed delivery). */
export type AttachmentProducer = (id: string) => Promise<Buffer | null>;

type Params<T extends TemplateName> = Parameters<(typeof templates)[T]>[0];

/**
 * Mail is written to the `mail_messages` table (inside the caller's transaction when given one), then a
 * pg-boss job delivers it with retries. A sweep re-queues anything written but never queued (a crash
 * between commit and enqueue), so nothing is lost.
 */
export function createMailService(deps: {
  database: Database;
  jobs: Jobs;
  transport: MailTransport;
  /** Where attachments are read from at delivery (mails without attachments need none). */
  storage?: Storage;
  secrets: Secrets;
  from: string;
  log: FastifyBaseLogger;
  clock: Clock;
}) {
  const { database, jobs, transport, secrets } = deps;
  const producers = new Map<string, AttachmentProducer>();

  async function attachmentContent(a: MailAttachment): Promise<Buffer | null> {
    const stored = await deps.storage?.get(a.storageKey);
    if (stored || !a.source) return stored ?? null;
    const made = await producers.get(a.source.kind)?.(a.source.id);
    if (made) await deps.storage?.put(a.storageKey, made);
    return made ?? null;
  }

  return {
    transportKind: transport.kind,
    /** Register what makes attachments of a `source.kind` at delivery (one producer per kind). */
    produceAttachments(kind: string, producer: AttachmentProducer): void {
      if (producers.has(kind)) throw new Error(`mail: attachments of ${kind} already have a producer`);
      producers.set(kind, producer);
    },
    /**
     * A mail from a template as the row to insert (with its id): for a caller that sends its writes
     * together (the fulfilment). `write` inserts it at once.
     */
    compose<T extends TemplateName>(
      to: string,
      template: T,
      params: Params<T>,
      opts: { attachments?: MailAttachment[]; replyTo?: string } = {},
    ): typeof mailMessages.$inferInsert & { id: string } {
      const render = templates[template] as (p: Params<T>) => RenderedMail;
      const mail = render(params);
      return {
        id: randomUUID(),
        to,
        subject: mail.subject,
        template,
        // Reply-To rides in the encrypted body: it is an address, kept as privately as the text.
        bodyEnc: secrets.encrypt(
          JSON.stringify({
            html: mail.html,
            text: mail.text,
            ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
          }),
        ),
        transport: transport.kind,
        attachments: opts.attachments?.length ? opts.attachments : null,
      };
    },
    /** Write a mail from a template; returns its id. Call `dispatch` after the transaction commits. */
    async write<T extends TemplateName>(
      x: Executor,
      to: string,
      template: T,
      params: Params<T>,
      opts: { attachments?: MailAttachment[]; replyTo?: string } = {},
    ): Promise<string> {
      const row = await mailRepo.insert(x, this.compose(to, template, params, opts));
      return row.id;
    },
    /** Queue delivery of written mails; safe to call twice (one job per mail at a time). */
    async dispatch(...ids: string[]): Promise<void> {
      for (const id of ids) {
        await jobs.send(
          MAIL_QUEUE,
          { id },
          { singletonKey: id, retryLimit: 8, retryDelay: 10, retryBackoff: true },
        );
      }
    },
    /** Write and queue at once, outside any transaction. */
    async send<T extends TemplateName>(to: string, template: T, params: Params<T>): Promise<string> {
      const id = await this.write(database.db, to, template, params);
      await this.dispatch(id);
      return id;
    },
    /** Deliver one mail (the job handler). Throws on failure so pg-boss retries with backoff. */
    async deliver(id: string): Promise<void> {
      const row = await mailRepo.findById(database.db, id);
      if (!row || row.status === 'sent') return; // delivered already: a duplicate job does nothing
      try {
        // Inside the try: a body that cannot be decrypted any more is a failed attempt, not a silent loop.
        const body = JSON.parse(secrets.decrypt(row.bodyEnc)) as {
          html: string;
          text: string;
          replyTo?: string;
        };
        const attachments = [];
        for (const a of row.attachments ?? []) {
          const content = await attachmentContent(a);
          if (!content) throw new Error(`attachment ${a.filename} is missing from storage`);
          attachments.push({ filename: a.filename, contentType: a.contentType, content });
        }
        const { messageId } = await transport.send({
          from: deps.from,
          to: row.to,
          subject: row.subject,
          ...body,
          ...(attachments.length ? { attachments } : {}),
        });
        await mailRepo.markSent(database.db, id, messageId, transport.kind);
        if (transport.kind === 'outbox')
          deps.log.info(
            { mailId: id, to: row.to, subject: row.subject },
            'mail captured in the outbox (read it at /admin/outbox)',
          );
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await mailRepo.markFailed(database.db, id, message.slice(0, 500));
        deps.log.warn({ mailId: id, err: message }, 'mail delivery failed; will retry');
        throw err;
      }
    },
    /** Re-queue mails still queued (or failed) after a minute: the safety net of `dispatch`. */
    async sweep(): Promise<number> {
      const ids = await mailRepo.stale(
        database.db,
        new Date(deps.clock.now().getTime() - 60_000),
        secrets.keyIds,
      );
      await this.dispatch(...ids);
      return ids.length;
    },
    list: (q: Parameters<typeof mailRepo.list>[1]) => mailRepo.list(database.db, q),
    /** Mails that failed since a moment (for health checks). */
    failedSince: (since: Date) => mailRepo.failedSince(database.db, since),
    /** Put a failed mail back in the queue (the admin's "retry"). */
    async retry(id: string): Promise<void> {
      const row = await mailRepo.findById(database.db, id);
      if (!row) throw notFound('mail');
      if (!(await mailRepo.requeue(database.db, id)))
        throw conflict('mail_not_failed', 'Only a failed mail can be retried');
      await this.dispatch(id);
    },
    async read(id: string) {
      const row = await mailRepo.findById(database.db, id);
      if (!row) return null;
      const body = JSON.parse(secrets.decrypt(row.bodyEnc)) as { html: string; text: string };
      return { ...row, ...body };
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
