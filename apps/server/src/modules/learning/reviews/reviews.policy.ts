import type { Role } from '@9tangle/contracts';

/** Pure rules of reviews; tested in reviews.policy.test.ts. */
type Actor = { id: string; role: Role };

/**
 * Who answers a course's reviews: its instructors, and admins (who may edit any course). Another
 * instructor may not, and is told the review does not exist.
 */
export function canReplyToReviews(user: Actor, instructorIds: readonly string[]): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'instructor' && instructorIds.includes(user.id);
}

/** A review may be written or edited only with live access to the course; deleting one's own always. */
export function canWriteReview(access: 'active' | 'revoked' | 'expired' | 'none'): boolean {
  return access === 'active';
}
