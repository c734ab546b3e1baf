// Contracts of the certificates slice.
import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';

/**
 * The characters of a certificate code: digits and capitals without the ones people confuse when
 * reading aloud or typing (0/O, 1/I/L, and U, which is read as V).
 */
export const CERTIFICATE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `9T-XXXX-XXXX-XXXX`: three groups of four from the alphabet above (about 59 random bits). */
export const CERTIFICATE_CODE_PATTERN =
  /^9T-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A code as someone may type it (lower case, spaces or no dashes) in its printed form, or null when it
 * cannot be one. Shared by the server and the web app so a typed code finds its page.
 */
export function normalizeCertificateCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith('9T') || compact.length !== 14) return null;
  const body = compact.slice(2);
  const code = `9T-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
  return CERTIFICATE_CODE_PATTERN.test(code) ? code : null;
}

/** Route parameter of a certificate code; a well-formed but unknown code answers 404. */
export const CertificateCodeParams = z.object({ code: z.string().trim().min(1).max(40) });

export const CertificateStatus = z.enum(['valid', 'revoked']);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** What a certificate certifies, as copied in when it was issued (later renames do not change it). */
const CertificateFacts = z.object({
  code: z.string(),
  status: CertificateStatus,
  studentName: z.string(),
  courseTitle: z.string(),
  /** The course page's slug, or null when the course is no longer published. */
  courseSlug: z.string().nullable(),
  instructorNames: z.array(z.string()),
  /** When the student completed the course. */
  completedAt: z.string(),
  issuedAt: z.string(),
  /** Set when an admin revoked the certificate. */
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});

/** `GET /api/certificates/:code`: the public verification of a certificate. */
export const CertificateVerification = CertificateFacts;
export type CertificateVerification = z.infer<typeof CertificateVerification>;

/** One of the student's own certificates, with where to download and verify it. */
export const MyCertificate = CertificateFacts.extend({
  id: z.uuid(),
  courseId: z.uuid(),
  /** The PDF (the owner and admins only). */
  pdfUrl: z.string(),
  /** The public verification page (`/certificates/:code`). */
  verifyPath: z.string(),
});
export type MyCertificate = z.infer<typeof MyCertificate>;
export const MyCertificateList = z.object({ items: z.array(MyCertificate) });
export type MyCertificateList = z.infer<typeof MyCertificateList>;

/** A certificate in the admin's list: the facts, who holds it, and who revoked it. */
export const AdminCertificate = MyCertificate.extend({
  userId: z.uuid(),
  /** The holder's current address (null once the account is gone). */
  userEmail: z.string().nullable(),
  revokedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type AdminCertificate = z.infer<typeof AdminCertificate>;
export const AdminCertificateQuery = Pagination.extend({
  /** A code (any spelling), or words of the student's name or the course title. */
  q: z.string().trim().max(100).optional(),
  status: CertificateStatus.optional(),
});
export type AdminCertificateQuery = z.infer<typeof AdminCertificateQuery>;
export const AdminCertificateList = z.object({ items: z.array(AdminCertificate), pageInfo: PageInfo });
export type AdminCertificateList = z.infer<typeof AdminCertificateList>;

/** Revoking or restoring a certificate: why, for the record (and, on revoke, for the public page). */
export const CertificateActionBody = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export type CertificateActionBody = z.infer<typeof CertificateActionBody>;
