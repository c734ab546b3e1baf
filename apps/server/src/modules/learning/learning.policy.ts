/**
 * Pure rules of learning: when a lesson opens, whether an enrollment gives access, when a course is
 * complete. Tested exhaustively in learning.policy.test.ts.
 */
export interface ReleaseRule {
  releaseAt: Date | null;
  dripDays: number | null;
}
export interface Access {
  status: 'active' | 'revoked';
  grantedAt: Date;
  expiresAt: Date | null;
}

const DAY_MS = 86_400_000;

/** When a lesson opens for a student: the later of its release date and enrollment + drip days. */
export function availableAt(lesson: ReleaseRule, enrolledAt: Date): Date | null {
  const drip =
    lesson.dripDays != null && lesson.dripDays > 0
      ? new Date(enrolledAt.getTime() + lesson.dripDays * DAY_MS)
      : null;
  const dates = [lesson.releaseAt, drip].filter((d): d is Date => d !== null);
  if (dates.length === 0) return null;
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

export function isLocked(lesson: ReleaseRule, enrolledAt: Date, now: Date): boolean {
  const at = availableAt(lesson, enrolledAt);
  return at !== null && at.getTime() > now.getTime();
}

export type AccessState = 'active' | 'revoked' | 'expired';

export function accessState(e: Access, now: Date): AccessState {
  if (e.status === 'revoked') return 'revoked';
  if (e.expiresAt && e.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Percent of required lessons completed (0–100, rounded down; 100 only when all are done). */
export function progressPercent(completedRequired: number, totalRequired: number): number {
  if (totalRequired === 0) return 0;
  return Math.min(100, Math.floor((completedRequired / totalRequired) * 100));
}

/** A video watched this far completes its lesson by itself (as in the original 9tangle). */
export const AUTO_COMPLETE_PERCENT = 90;
