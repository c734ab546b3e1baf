import type { AdminCertificateQuery } from '@9tangle/contracts';
import { normalizeCertificateCode } from '@9tangle/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Executor } from '../../../db/client.ts';
import type { CertificateRow } from '../../../db/schema/index.ts';
import { type AppError, conflict, notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import { isUniqueViolation } from '../../catalog/slug.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { MailService } from '../../notifications/mail.service.ts';
import { enrollmentsRepo } from '../enrollments.repo.ts';
import type { LearningDeps } from '../learning.deps.ts';
import { certificateUrl, newCertificateCode } from './certificate-code.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { toAdminCertificate, toMyCertificate, toVerification } from './certificates.mappers.ts';
import { certificatesRepo } from './certificates.repo.ts';

/** An entry of the course audit trail (the catalog's), written in the transaction of the change. */
export interface AuditRecord {
  courseId: string;
  actorId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** What the certificates service needs from the platform and from other modules' services. */
export interface CertificateDeps {
  database: Database;
  clock: Clock;
  publicUrl: URL;
  log: FastifyBaseLogger;
  mail: Pick<MailService, 'write' | 'dispatch'>;
  /** The student's current name and address (from identity). */
  userContact: (userId: string) => Promise<{ name: string; email: string } | null>;
  /** Course cards (from the catalog): the title and instructors copied onto the certificate. */
  courseSummaries: LearningDeps['courseSummaries'];
  recordAudit: (x: Executor, entry: AuditRecord) => Promise<void>;
}

const CODE_ATTEMPTS = 5;

/**
 * Certificates of completion: issued once per student and course when the course is complete, with a
 * public code; the owner's list and PDF; the public verification; the admin's list, revoke and restore.
 *
 * Who may download a PDF: its owner and admins. Holding the code is not enough: the code is printed on
 * the certificate and shared, and the public page already shows everything it proves.
 */
export function createCertificatesService(d: CertificateDeps) {
  const { database, clock } = d;
  const db = database.db;

  /**
   * Issue the certificate of a completed course unless it exists. Safe to call any number of times and
   * concurrently: the (user, course) unique index lets exactly one insert win, and only the winner
   * writes the mail (in the same transaction, sent after the commit). Returns null when the course is
   * not complete.
   */
  async function issue(userId: string, courseId: string): Promise<CertificateRow | null> {
    const existing = await certificatesRepo.find(db, userId, courseId);
    if (existing) return existing;
    const enrollment = await enrollmentsRepo.find(db, userId, courseId);
    if (!enrollment?.completedAt) return null;
    const [contact, [course]] = await Promise.all([d.userContact(userId), d.courseSummaries([courseId])]);
    if (!contact || !course) return null;
    for (let attempt = 1; ; attempt++) {
      const code = newCertificateCode();
      try {
        const { row, mailId } = await db.transaction(async (tx) => {
          const inserted = await certificatesRepo.insertOnce(tx, {
            code,
            userId,
            courseId,
            studentName: contact.name,
            courseTitle: course.title,
            instructorNames: course.instructors.map((i) => i.name),
            completedAt: enrollment.completedAt as Date,
            issuedAt: clock.now(),
          });
          if (!inserted) return { row: await certificatesRepo.find(tx, userId, courseId), mailId: null };
          const mailId = await d.mail.write(tx, contact.email, 'certificateIssued', {
            name: contact.name,
            courseTitle: course.title,
            code,
            url: certificateUrl(d.publicUrl, code),
          });
          return { row: inserted, mailId };
        });
        if (mailId) await d.mail.dispatch(mailId);
        return row ?? null;
      } catch (err) {
        // Two certificates drawing the same code is a one-in-10^17 event; draw again rather than fail.
        if (attempt < CODE_ATTEMPTS && isUniqueViolation(err, 'certificates_code_key')) continue;
        throw err;
      }
    }
  }

  return {
    issue,

    /**
     * Learning's course-completed hook. A failure is logged, not thrown: the student's progress is
     * saved already, and the next completed recount (or listing their certificates) issues it.
     */
    async onCourseCompleted(userId: string, courseId: string): Promise<void> {
      try {
        await issue(userId, courseId);
      } catch (err) {
        d.log.error({ err, userId, courseId }, 'certificate not issued');
      }
    },

    /**
     * The student's certificates, newest first. Courses completed before certificates existed (or
     * whose issue failed) get theirs here.
     */
    async listMine(user: CurrentUser) {
      const missing = await certificatesRepo.completedWithout(db, user.id);
      for (const m of missing) await issue(user.id, m.courseId);
      return (await certificatesRepo.listForUser(db, user.id)).map(toMyCertificate);
    },

    /** The public facts behind a code (any spelling of it), or null for an unknown code. */
    async verify(input: string) {
      const code = normalizeCertificateCode(input);
      const row = code ? await certificatesRepo.byCode(db, code) : undefined;
      return row ? toVerification(row) : null;
    },

    /** The PDF, for its owner or an admin (anyone else: 404). A revoked certificate has none (409). */
    async pdf(user: CurrentUser, input: string): Promise<{ code: string; data: Buffer }> {
      const code = normalizeCertificateCode(input);
      const row = code ? await certificatesRepo.byCode(db, code) : undefined;
      if (!row || (row.userId !== user.id && user.role !== 'admin')) throw notFound('certificate');
      if (row.revokedAt) throw conflict('certificate_revoked', 'This certificate was revoked.');
      const data = await renderCertificatePdf({
        code: row.code,
        studentName: row.studentName,
        courseTitle: row.courseTitle,
        instructorNames: row.instructorNames,
        completedAt: row.completedAt,
        issuedAt: row.issuedAt,
        verifyUrl: certificateUrl(d.publicUrl, row.code),
      });
      return { code: row.code, data };
    },

    /** Every certificate for the admin, newest first, searched and filtered. */
    async adminList(q: AdminCertificateQuery) {
      const code = q.q ? normalizeCertificateCode(q.q) : null;
      const { items, total } = await certificatesRepo.adminList(db, { ...q, code });
      return {
        items: items.map(toAdminCertificate),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
      };
    },

    /** Revoke with a reason (shown on the public page), recorded in the course's audit trail. */
    async revoke(admin: CurrentUser, id: string, reason: string) {
      return changeState(admin, id, 'revoke', reason);
    },
    /** Make a revoked certificate valid again, with a reason for the record. */
    async restore(admin: CurrentUser, id: string, reason: string) {
      return changeState(admin, id, 'restore', reason);
    },
  };

  async function changeState(admin: CurrentUser, id: string, action: 'revoke' | 'restore', reason: string) {
    await db.transaction(async (tx) => {
      const cert = await certificatesRepo.byId(tx, id);
      if (!cert) throw notFound('certificate');
      const changed =
        action === 'revoke'
          ? await certificatesRepo.revoke(tx, id, { at: clock.now(), by: admin.id, reason })
          : await certificatesRepo.restore(tx, id);
      if (!changed) throw stateConflict(action);
      await d.recordAudit(tx, {
        courseId: cert.courseId,
        actorId: admin.id,
        action: action === 'revoke' ? 'certificate.revoked' : 'certificate.restored',
        after: { code: cert.code, studentName: cert.studentName, reason },
      });
    });
    const row = await certificatesRepo.adminById(db, id);
    if (!row) throw notFound('certificate');
    return toAdminCertificate(row);
  }
}

function stateConflict(action: 'revoke' | 'restore'): AppError {
  return action === 'revoke'
    ? conflict('certificate_revoked', 'This certificate is revoked already.')
    : conflict('certificate_not_revoked', 'This certificate is not revoked.');
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
