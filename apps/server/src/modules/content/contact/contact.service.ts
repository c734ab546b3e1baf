import {
  ContactBody,
  type ContactMessageDto,
  type ContactMessageList,
  ContactMessageQuery,
  type ContactMessageStatus,
  siteContentSchemas,
} from '@9tangle/contracts';
import type { ContactMessageRow } from '../../../db/schema/index.ts';
import { conflict, notFound, tooMany } from '../../../http/errors.ts';
import type { ContentDeps } from '../content.deps.ts';
import { contactRecipients } from '../content.policy.ts';
import { siteContentRepo } from '../pages/site-content.repo.ts';
import { contactRepo } from './contact.repo.ts';
import type { ContactThrottle } from './contact-throttle.ts';

const toDto = (r: ContactMessageRow): ContactMessageDto => ({
  id: r.id,
  name: r.name,
  email: r.email,
  subject: r.subject,
  message: r.message,
  status: r.status,
  userId: r.userId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The contact form and the admins' inbox of what it received. */
export function createContactService(
  d: Pick<ContentDeps, 'database' | 'clock' | 'mail' | 'secrets' | 'publicUrl'> & {
    throttle: ContactThrottle;
  },
) {
  const db = d.database.db;
  const inboxUrl = new URL('/admin/messages', d.publicUrl).toString();
  return {
    /**
     * Receive a message: throttled per sender IP (429 `rate_limited`), stored, and in the same
     * transaction mailed to the academy (the published contact address, else every admin) with the
     * sender as Reply-To, plus a receipt to the sender. A filled honeypot is answered the same way but
     * stored as spam and mailed to no one, so a bot learns nothing.
     */
    async submit(body: ContactBody, from: { ip: string | null; userId: string | null }): Promise<void> {
      const v = ContactBody.parse(body);
      const now = d.clock.now();
      const ipHash = from.ip ? d.secrets.hmac('contact-ip', from.ip) : null;
      const wait = await d.throttle.hit(ipHash ?? 'unknown', now);
      if (wait > 0)
        throw tooMany('rate_limited', 'Too many messages from your network; try again later.', wait);
      const isSpam = v.website.trim() !== '';
      const ids = await db.transaction(async (tx) => {
        await contactRepo.insert(tx, {
          name: v.name,
          email: v.email,
          subject: v.subject,
          message: v.message,
          userId: from.userId,
          ipHash,
          status: isSpam ? 'spam' : 'new',
          createdAt: now,
          updatedAt: now,
        });
        if (isSpam) return [];
        const details = siteContentSchemas['contact.details'].safeParse(
          (await siteContentRepo.find(tx, 'contact.details'))?.value,
        );
        const admins = (await contactRepo.admins(tx)).map((a) => a.email);
        const to = contactRecipients(details.success ? details.data.email : '', admins);
        const params = {
          name: v.name,
          email: v.email,
          subject: v.subject,
          message: v.message,
          url: inboxUrl,
        };
        const written = [];
        for (const address of to)
          written.push(await d.mail.write(tx, address, 'contact.received', params, { replyTo: v.email }));
        written.push(await d.mail.write(tx, v.email, 'contact.acknowledged', {}));
        return written;
      });
      await d.mail.dispatch(...ids);
    },
    async list(query: ContactMessageQuery): Promise<ContactMessageList> {
      const q = ContactMessageQuery.parse(query);
      const [{ items, total }, unread] = await Promise.all([
        contactRepo.list(db, q),
        contactRepo.countNew(db),
      ]);
      return {
        items: items.map(toDto),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.max(1, Math.ceil(total / q.limit)) },
        unread,
      };
    },
    async get(id: string): Promise<ContactMessageDto> {
      const row = await contactRepo.find(db, id);
      if (!row) throw notFound('message');
      return toDto(row);
    },
    /** Mark a message read, answered, spam (or new again); returns the status before, for the audit. */
    async setStatus(id: string, status: ContactMessageStatus) {
      const before = await contactRepo.find(db, id);
      if (!before) throw notFound('message');
      const row = await contactRepo.setStatus(db, id, status, d.clock.now());
      if (!row) throw notFound('message');
      return { before: before.status, after: toDto(row) };
    },
    /** Delete a spam message; any other is kept (409 `message_not_spam`): mark it spam first. */
    async deleteSpam(id: string): Promise<ContactMessageDto> {
      const row = await contactRepo.deleteSpam(db, id);
      if (row) return toDto(row);
      if (await contactRepo.find(db, id))
        throw conflict('message_not_spam', 'Only a message marked as spam can be deleted.');
      throw notFound('message');
    },
  };
}
export type ContactService = ReturnType<typeof createContactService>;
