import type { Executor } from '../db/client.ts';
import type { CertificateRow, EnrollmentRow, ReviewRow } from '../db/schema/index.ts';
import { coursesRepo } from '../modules/catalog/courses.repo.ts';
import { instructorsRepo } from '../modules/catalog/instructors/instructors.repo.ts';
import { usersRepo } from '../modules/identity/users.repo.ts';
import { newCertificateCode } from '../modules/learning/certificates/certificate-code.ts';
import { certificatesRepo } from '../modules/learning/certificates/certificates.repo.ts';
import { courseContentRepo } from '../modules/learning/course-content.repo.ts';
import { enrollmentsRepo } from '../modules/learning/enrollments.repo.ts';
import { reviewTextToHtml } from '../modules/learning/reviews/review-text.ts';
import { reviewsRepo } from '../modules/learning/reviews/reviews.repo.ts';

// Factories of learning rows (enrollments, reviews, certificates), shared by tests and the demo seed
// like those of factories.ts: each keeps the figures the services keep (counts, averages).

/**
 * An active enrollment (counted on the course). With `completedAt`, every lesson is completed and the
 * course with it, as the player would have left it.
 */
export async function buildEnrollment(
  x: Executor,
  o: { userId: string; courseId: string; source?: EnrollmentRow['source']; completedAt?: Date; now?: Date },
): Promise<EnrollmentRow> {
  const now = o.now ?? new Date();
  const { row, granted } = await enrollmentsRepo.upsertActive(x, {
    userId: o.userId,
    courseId: o.courseId,
    source: o.source ?? 'admin',
    sourceRef: null,
    expiresAt: null,
    now,
  });
  if (granted) await enrollmentsRepo.bumpCourseCount(x, o.courseId, 1);
  if (!o.completedAt) return row;
  const outline = await courseContentRepo.outline(x, o.courseId);
  for (const lesson of outline) {
    await courseContentRepo.saveProgress(x, {
      userId: o.userId,
      lessonId: lesson.id,
      courseId: o.courseId,
      positionSeconds: 0,
      watchedPercent: 100,
      completedAt: o.completedAt,
      now: o.completedAt,
    });
  }
  const required = outline.filter((l) => l.isRequired).length;
  await enrollmentsRepo.setProgress(x, row.id, {
    completedLessons: required,
    progressPercent: 100,
    completedAt: o.completedAt,
  });
  return (await enrollmentsRepo.find(x, o.userId, o.courseId)) as EnrollmentRow;
}

/** A review (plain text, as students write them), with the course's figures recounted after it. */
export async function buildReview(
  x: Executor,
  o: {
    courseId: string;
    userId: string;
    rating: number;
    body?: string;
    reply?: { by: string; body: string };
    at?: Date;
  },
): Promise<ReviewRow> {
  const at = o.at ?? new Date();
  const row = await reviewsRepo.insertOnce(x, {
    courseId: o.courseId,
    userId: o.userId,
    rating: o.rating,
    bodyHtml: reviewTextToHtml(o.body ?? ''),
    replyHtml: o.reply ? reviewTextToHtml(o.reply.body) : null,
    repliedBy: o.reply?.by ?? null,
    repliedAt: o.reply ? at : null,
    createdAt: at,
    updatedAt: at,
  });
  if (!row) throw new Error('buildReview: the student reviewed this course already');
  await reviewsRepo.recomputeRating(x, o.courseId);
  return row;
}

/** The certificate of a completed enrollment, with the names of the day copied in (no mail). */
export async function buildCertificate(
  x: Executor,
  o: { userId: string; courseId: string; issuedAt?: Date },
): Promise<CertificateRow> {
  // One after another: `x` may be a transaction, whose one connection runs one query at a time.
  const user = await usersRepo.findById(x, o.userId);
  const course = await coursesRepo.findById(x, o.courseId);
  const enrollment = await enrollmentsRepo.find(x, o.userId, o.courseId);
  const refs = await instructorsRepo.refsForCourses(x, [o.courseId]);
  if (!user || !course || !enrollment?.completedAt)
    throw new Error('buildCertificate: no completed enrollment');
  const row = await certificatesRepo.insertOnce(x, {
    code: newCertificateCode(),
    userId: o.userId,
    courseId: o.courseId,
    studentName: user.name,
    courseTitle: course.title,
    instructorNames: refs.map((r) => r.name),
    completedAt: enrollment.completedAt,
    issuedAt: o.issuedAt ?? enrollment.completedAt,
  });
  return row ?? ((await certificatesRepo.find(x, o.userId, o.courseId)) as CertificateRow);
}
