import { describe, expect, it } from 'vitest';
import { type FileFacts, fileAccess } from './media-access.policy.ts';

const now = new Date('2026-05-10T12:00:00Z');
const day = 86_400_000;
const lesson = { isPreview: false, isCurrent: true, releaseAt: null, dripDays: null };
const active = { status: 'active' as const, grantedAt: new Date(now.getTime() - 2 * day), expiresAt: null };
const facts = (o: Partial<FileFacts> = {}): FileFacts => ({
  kind: 'pdf',
  courseStatus: 'published',
  isEditor: false,
  lesson,
  enrollment: active,
  ...o,
});

describe('fileAccess', () => {
  it('opens a released lesson file to an active enrollment', () => {
    expect(fileAccess(facts(), now)).toEqual({ allowed: true });
    expect(fileAccess(facts({ kind: 'resource' }), now)).toEqual({ allowed: true });
    // Enrolled students keep their course after it is archived.
    expect(fileAccess(facts({ courseStatus: 'archived' }), now)).toEqual({ allowed: true });
  });

  it('refuses a lesson that is not released yet, by date or by drip, saying when it opens', () => {
    const releaseAt = new Date(now.getTime() + day);
    expect(fileAccess(facts({ lesson: { ...lesson, releaseAt } }), now)).toEqual({
      allowed: false,
      reason: 'locked',
      availableAt: releaseAt,
    });
    const dripped = fileAccess(facts({ lesson: { ...lesson, dripDays: 3 } }), now);
    expect(dripped).toMatchObject({ allowed: false, reason: 'locked' });
    expect(fileAccess(facts({ lesson: { ...lesson, dripDays: 2 } }), now)).toEqual({ allowed: true });
  });

  it('answers not found without an enrollment, or a revoked one, and says when one expired', () => {
    expect(fileAccess(facts({ enrollment: null }), now)).toEqual({ allowed: false, reason: 'not_found' });
    expect(fileAccess(facts({ enrollment: { ...active, status: 'revoked' } }), now)).toEqual({
      allowed: false,
      reason: 'not_found',
    });
    expect(fileAccess(facts({ enrollment: { ...active, expiresAt: now } }), now)).toEqual({
      allowed: false,
      reason: 'expired',
    });
  });

  it('opens a free preview to anyone, but only while the course is published', () => {
    const preview = { ...lesson, isPreview: true, releaseAt: new Date(now.getTime() + day) };
    expect(fileAccess(facts({ lesson: preview, enrollment: null }), now)).toEqual({ allowed: true });
    for (const courseStatus of ['draft', 'in_review', 'archived'] as const)
      expect(fileAccess(facts({ lesson: preview, enrollment: null, courseStatus }), now)).toEqual({
        allowed: false,
        reason: 'not_found',
      });
  });

  it('never serves a file its lesson no longer uses, except to editors', () => {
    const old = { ...lesson, isCurrent: false, isPreview: true };
    expect(fileAccess(facts({ lesson: old }), now)).toEqual({ allowed: false, reason: 'not_found' });
    expect(fileAccess(facts({ lesson: old, isEditor: true }), now)).toEqual({ allowed: true });
  });

  it('opens everything of the course to its editors, whatever its status or release', () => {
    const locked = { ...lesson, releaseAt: new Date(now.getTime() + day) };
    for (const courseStatus of ['draft', 'in_review', 'published', 'archived'] as const)
      expect(
        fileAccess(facts({ isEditor: true, enrollment: null, courseStatus, lesson: locked }), now),
      ).toEqual({ allowed: true });
  });

  it('shows the intro video to everyone once the course is published, and before that to editors only', () => {
    const intro = { kind: 'intro_video' as const, lesson: null, enrollment: null };
    expect(fileAccess(facts(intro), now)).toEqual({ allowed: true });
    expect(fileAccess(facts({ ...intro, courseStatus: 'draft' }), now)).toEqual({
      allowed: false,
      reason: 'not_found',
    });
    expect(fileAccess(facts({ ...intro, courseStatus: 'draft', isEditor: true }), now)).toEqual({
      allowed: true,
    });
  });
});
