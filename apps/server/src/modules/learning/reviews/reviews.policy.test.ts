import { describe, expect, it } from 'vitest';
import { canReplyToReviews, canWriteReview } from './reviews.policy.ts';

describe('canReplyToReviews', () => {
  const ids = ['i1', 'i2'];
  it('lets the course’s instructors and any admin answer', () => {
    expect(canReplyToReviews({ id: 'i1', role: 'instructor' }, ids)).toBe(true);
    expect(canReplyToReviews({ id: 'i2', role: 'instructor' }, ids)).toBe(true);
    expect(canReplyToReviews({ id: 'a', role: 'admin' }, ids)).toBe(true);
  });
  it('refuses another instructor and every student, even one whose id is listed', () => {
    expect(canReplyToReviews({ id: 'i3', role: 'instructor' }, ids)).toBe(false);
    expect(canReplyToReviews({ id: 'i1', role: 'student' }, ids)).toBe(false);
    expect(canReplyToReviews({ id: 's', role: 'student' }, [])).toBe(false);
  });
});

describe('canWriteReview', () => {
  it('needs an active enrollment', () => {
    expect(canWriteReview('active')).toBe(true);
    for (const a of ['revoked', 'expired', 'none'] as const) expect(canWriteReview(a)).toBe(false);
  });
});
