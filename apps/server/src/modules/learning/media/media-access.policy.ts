import { type Access, accessState, availableAt, type ReleaseRule } from '../learning.policy.ts';

/**
 * Who may read a stored course file: the pure rule behind `/api/files/media/:id`, tested exhaustively
 * in media-access.policy.test.ts. The same rule as a lesson's content: the course's instructors and
 * admins always; an enrolled student once the lesson is released; anyone for a free preview of a
 * published course; the intro video for anyone once the course is published.
 */
export interface FileFacts {
  kind: 'video' | 'pdf' | 'resource' | 'intro_video';
  courseStatus: 'draft' | 'in_review' | 'published' | 'archived';
  /** An instructor of the course, or an admin. */
  isEditor: boolean;
  /** The lesson a lesson file belongs to; `isCurrent` is false for a lesson file it no longer uses. */
  lesson: (ReleaseRule & { isPreview: boolean; isCurrent: boolean }) | null;
  /** The asker's enrollment in the course (only a verified account's counts). */
  enrollment: Access | null;
}

export type FileAccess =
  | { allowed: true }
  | { allowed: false; reason: 'not_found' | 'expired' }
  | { allowed: false; reason: 'locked'; availableAt: Date };

export function fileAccess(f: FileFacts, now: Date): FileAccess {
  if (f.isEditor) return { allowed: true };
  const published = f.courseStatus === 'published';
  if (f.kind === 'intro_video')
    return published ? { allowed: true } : { allowed: false, reason: 'not_found' };
  if (!f.lesson?.isCurrent) return { allowed: false, reason: 'not_found' };
  if (f.lesson.isPreview && published) return { allowed: true };
  const state = f.enrollment ? accessState(f.enrollment, now) : 'revoked';
  if (state === 'expired') return { allowed: false, reason: 'expired' };
  if (state === 'revoked' || !f.enrollment) return { allowed: false, reason: 'not_found' };
  const at = availableAt(f.lesson, f.enrollment.grantedAt);
  if (at && at > now) return { allowed: false, reason: 'locked', availableAt: at };
  return { allowed: true };
}
