import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import {
  auditLog,
  authEvents,
  carts,
  certificates,
  contactMessages,
  emailVerifications,
  instructorProfiles,
  loginChallenges,
  orders,
  passwordTokens,
  recoveryCodes,
  users,
  wishlistItems,
} from '../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Storage } from '../../platform/storage.ts';
import { adminUsersRepo } from './admin-users.repo.ts';
import { authEventsRepo } from './auth-events.ts';
import { toAuditedUser } from './identity.mappers.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { userChanging } from './session-cache.ts';
import type { SessionService } from './sessions.service.ts';
import { usersRepo } from './users.repo.ts';

export const ANONYMISED_NAME = 'Deleted user';
export const anonymisedEmail = (id: string) => `deleted-${id}@anonymised.invalid`;

const isForeignKeyViolation = (err: unknown) =>
  (err as { code?: string })?.code === '23503' ||
  (err as { cause?: { code?: string } })?.cause?.code === '23503';

/**
 * Erasing a person on request. Anonymising keeps the account's row (orders, the ledger, certificates
 * and reviews still point at it, with their figures) but replaces everything that names or reaches
 * the person; a hard delete is only for an account that holds nothing (a spam sign-up).
 */
export function createAnonymiseService(d: {
  database: Database;
  clock: Clock;
  storage: Storage;
  sessions: SessionService;
}) {
  const { database } = d;

  /** Refuse yourself, and the last active admin (checked under the admin rows' lock). */
  async function guard(tx: Executor, actor: CurrentUser, target: { id: string; role: string }) {
    if (actor.id === target.id)
      throw badRequest('cannot_act_on_self', 'You cannot anonymise or delete your own account.');
    if (target.role === 'admin' && (await adminUsersRepo.otherActiveAdmins(tx, target.id)) === 0)
      throw conflict('last_admin', 'This is the last active admin; make another admin first.');
  }

  return {
    /**
     * Replace the name, email, phone, avatar, password, TOTP and recovery codes; revoke every session;
     * blank the buyer's contact and address on their orders (the money columns stay); rename the
     * certificates' holder; forget the instructor bio, the cart and the wishlist. `confirmEmail` must be
     * the account's current address, so a slip of the mouse cannot erase the wrong person.
     */
    async anonymise(actor: CurrentUser, userId: string, confirmEmail: string, meta: RequestMeta) {
      const found = await usersRepo.findById(database.db, userId);
      if (!found) throw notFound('user');
      if (found.anonymisedAt) throw conflict('already_anonymised', 'This account is already anonymised.');
      if (confirmEmail !== found.email.toLowerCase())
        throw badRequest('confirm_email_mismatch', "Type the account's email address exactly to confirm.");
      const result = await database.db.transaction(async (tx) => {
        await guard(tx, actor, found);
        const before = (await usersRepo.findById(tx, userId)) ?? found;
        const email = anonymisedEmail(userId);
        const after = await usersRepo.update(tx, userId, {
          name: ANONYMISED_NAME,
          email,
          phone: null,
          avatarKey: null,
          passwordHash: null,
          passwordChangedAt: null,
          totpSecretEnc: null,
          totpEnabledAt: null,
          totpLastStep: null,
          emailVerifiedAt: null,
          // An anonymised admin must not count as one (the last-admin rule reads roles).
          role: before.role === 'admin' ? 'student' : before.role,
          anonymisedAt: d.clock.now(),
        });
        const sessionsRevoked = await d.sessions.revokeAll(tx, userId);
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        await tx.delete(emailVerifications).where(eq(emailVerifications.userId, userId));
        await tx.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
        await tx.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
        await tx.delete(wishlistItems).where(eq(wishlistItems.userId, userId));
        await tx.delete(carts).where(eq(carts.userId, userId));
        const blanked = await tx
          .update(orders)
          .set({
            contactName: ANONYMISED_NAME,
            contactEmail: email,
            contactPhone: null,
            shippingAddress: null,
          })
          .where(eq(orders.userId, userId))
          .returning({ id: orders.id });
        await tx
          .update(certificates)
          .set({ studentName: ANONYMISED_NAME })
          .where(eq(certificates.userId, userId));
        await tx
          .update(instructorProfiles)
          .set({ headline: null, bio: null })
          .where(eq(instructorProfiles.userId, userId));
        await tx
          .update(contactMessages)
          .set({ name: ANONYMISED_NAME, email })
          .where(eq(contactMessages.userId, userId));
        // The journal and the audit log keep what happened, not the address typed at the time.
        await tx.update(authEvents).set({ email: null }).where(eq(authEvents.userId, userId));
        await tx.update(auditLog).set({ actorEmail: email }).where(eq(auditLog.actorId, userId));
        await authEventsRepo.record(tx, meta, { type: 'anonymised', userId, actorId: actor.id });
        return { before, after, sessionsRevoked, ordersBlanked: blanked.length };
      });
      // The file goes after the commit: a rollback must not leave the row pointing at nothing.
      if (result.before.avatarKey) await d.storage.delete(`avatars/${result.before.avatarKey}`);
      return {
        user: result.after,
        before: toAuditedUser(result.before),
        after: {
          ...toAuditedUser(result.after),
          sessionsRevoked: result.sessionsRevoked,
          ordersBlanked: result.ordersBlanked,
        },
      };
    },

    /**
     * Delete the row for good, only when the account holds no orders, enrollments, courses or reviews;
     * otherwise 409 `user_has_records` (anonymise instead). A record made meanwhile trips the foreign
     * key and gets the same answer.
     */
    async hardDelete(actor: CurrentUser, userId: string) {
      const found = await usersRepo.findById(database.db, userId);
      if (!found) throw notFound('user');
      const hasRecords = () =>
        conflict(
          'user_has_records',
          'This account has orders, enrollments, courses or reviews; anonymise it instead.',
        );
      const counts = await adminUsersRepo.recordCounts(database.db, userId);
      if (counts.orders + counts.enrollments + counts.courses + counts.reviews > 0) throw hasRecords();
      try {
        await database.db.transaction(async (tx) => {
          await guard(tx, actor, found);
          const again = await adminUsersRepo.recordCounts(tx, userId);
          if (again.orders + again.enrollments + again.courses + again.reviews > 0) throw hasRecords();
          await tx.delete(users).where(eq(users.id, userId));
          userChanging(userId);
        });
      } catch (err) {
        if (isForeignKeyViolation(err)) throw hasRecords();
        throw err;
      }
      if (found.avatarKey) await d.storage.delete(`avatars/${found.avatarKey}`);
      return { before: toAuditedUser(found), counts };
    },
  };
}
export type AnonymiseService = ReturnType<typeof createAnonymiseService>;
