import type { AdminCertificate, CertificateVerification, MyCertificate } from '@9tangle/contracts';
import { certificatePath, certificatePdfPath } from './certificate-code.ts';
import type { AdminCertificateRow, CertificateWithCourse } from './certificates.repo.ts';

/** The public facts of a certificate: what the verification page shows. */
export function toVerification(c: CertificateWithCourse): CertificateVerification {
  return {
    code: c.code,
    status: c.revokedAt ? 'revoked' : 'valid',
    studentName: c.studentName,
    courseTitle: c.courseTitle,
    courseSlug: c.courseSlug,
    instructorNames: c.instructorNames,
    completedAt: c.completedAt.toISOString(),
    issuedAt: c.issuedAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokedAt ? c.revokeReason : null,
  };
}

export function toMyCertificate(c: CertificateWithCourse): MyCertificate {
  return {
    ...toVerification(c),
    id: c.id,
    courseId: c.courseId,
    pdfUrl: certificatePdfPath(c.code),
    verifyPath: certificatePath(c.code),
  };
}

export function toAdminCertificate(c: AdminCertificateRow): AdminCertificate {
  return {
    ...toMyCertificate(c),
    userId: c.userId,
    userEmail: c.userEmail,
    revokedBy: c.revokerId && c.revokerName ? { id: c.revokerId, name: c.revokerName } : null,
  };
}
