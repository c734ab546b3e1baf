import { type CourseStatus, CourseStatuses, type Role } from '@9tangle/contracts';
import { describe, expect, it } from 'vitest';
import {
  type CourseAction,
  canEditCourse,
  canViewCourse,
  categoryCountDeltas,
  needsLessonsFor,
  nextStatus,
} from './catalog.policy.ts';

const ROLES: Role[] = ['student', 'instructor', 'admin'];
const ACTIONS: CourseAction[] = ['submit', 'publish', 'reject', 'unpublish', 'archive', 'unarchive'];
const ME = 'me';
const OTHER = 'other';

describe('canEditCourse and canViewCourse', () => {
  // Every role × (teaches the course or not) × every status, against the rule written out as a table.
  for (const role of ROLES)
    for (const teaches of [true, false])
      for (const status of CourseStatuses) {
        const instructorIds = teaches ? [OTHER, ME] : [OTHER];
        const edit = role === 'admin' || (role === 'instructor' && teaches);
        it(`${role} who ${teaches ? 'teaches' : 'does not teach'} a ${status} course: edit ${edit}`, () => {
          expect(canEditCourse({ id: ME, role }, { status }, instructorIds)).toBe(edit);
          expect(canViewCourse({ id: ME, role }, { status }, instructorIds)).toBe(
            status === 'published' || edit,
          );
        });
      }

  it('lets anonymous visitors view published courses only and edit nothing', () => {
    for (const status of CourseStatuses) {
      expect(canEditCourse(null, { status }, [OTHER])).toBe(false);
      expect(canViewCourse(null, { status }, [OTHER])).toBe(status === 'published');
    }
  });

  it('does not let a student listed as an instructor (a demoted account) edit', () => {
    expect(canEditCourse({ id: ME, role: 'student' }, { status: 'draft' }, [ME])).toBe(false);
  });
});

describe('nextStatus', () => {
  /** The whole transition table: [from, action, role, approvalRequired] → to (null = refused). */
  const expected = (
    from: CourseStatus,
    action: CourseAction,
    role: Role,
    approval: boolean,
  ): CourseStatus | null => {
    const admin = role === 'admin';
    switch (action) {
      case 'submit':
        return from === 'draft' ? (approval && !admin ? 'in_review' : 'published') : null;
      case 'publish':
        return admin && (from === 'draft' || from === 'in_review') ? 'published' : null;
      case 'reject':
        return admin && from === 'in_review' ? 'draft' : null;
      case 'unpublish':
        return admin && from === 'published' ? 'draft' : null;
      case 'archive':
        return from === 'archived' ? null : 'archived';
      case 'unarchive':
        return from === 'archived' ? 'draft' : null;
    }
  };
  for (const from of CourseStatuses)
    for (const action of ACTIONS)
      for (const role of ROLES)
        for (const approval of [true, false]) {
          const to = expected(from, action, role, approval);
          it(`${role} ${action}s a ${from} course (approval ${approval ? 'on' : 'off'}) → ${to ?? 'refused'}`, () => {
            expect(nextStatus(from, action, { role, approvalRequired: approval })).toBe(to);
          });
        }
});

describe('needsLessonsFor', () => {
  it('requires lessons to publish or to ask for review, not to go back to draft or archive', () => {
    expect(CourseStatuses.filter(needsLessonsFor)).toEqual(['in_review', 'published']);
  });
});

describe('categoryCountDeltas', () => {
  const d = (
    before: [CourseStatus, string | null],
    after: [CourseStatus, string | null],
  ): Record<string, number> =>
    Object.fromEntries(
      categoryCountDeltas(
        { status: before[0], categoryId: before[1] },
        { status: after[0], categoryId: after[1] },
      ),
    );

  it('counts a course entering or leaving the public catalog', () => {
    expect(d(['draft', 'a'], ['published', 'a'])).toEqual({ a: 1 });
    expect(d(['in_review', 'a'], ['published', 'a'])).toEqual({ a: 1 });
    expect(d(['published', 'a'], ['draft', 'a'])).toEqual({ a: -1 });
    expect(d(['published', 'a'], ['archived', 'a'])).toEqual({ a: -1 });
  });

  it('moves the count when a published course changes category', () => {
    expect(d(['published', 'a'], ['published', 'b'])).toEqual({ a: -1, b: 1 });
    expect(d(['published', 'a'], ['published', null])).toEqual({ a: -1 });
    expect(d(['published', null], ['published', 'b'])).toEqual({ b: 1 });
  });

  it('changes nothing for unpublished courses or an unchanged published one', () => {
    for (const from of CourseStatuses)
      for (const to of CourseStatuses) {
        if (from === 'published' || to === 'published') continue;
        expect(d([from, 'a'], [to, 'b'])).toEqual({});
      }
    expect(d(['published', 'a'], ['published', 'a'])).toEqual({});
    expect(d(['draft', null], ['published', null])).toEqual({});
  });
});
