import type { LessonBody, LessonPatch, SectionBody, SectionOutline, StudioLesson } from '@9tangle/contracts';
import type { Executor, Tx } from '../../db/client.ts';
import type { LessonRow } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { auditRepo } from './audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from './catalog.deps.ts';
import { toStudioLesson } from './catalog.mappers.ts';
import { checkSameSet, diff, lessonColumnsFrom } from './course-fields.ts';
import { courseViews } from './course-views.ts';
import { type Course, coursesRepo } from './courses.repo.ts';
import { curriculumRepo } from './curriculum.repo.ts';
import { mediaFilesRepo } from './media/media-files.repo.ts';
import { removeStored } from './media/media-store.ts';

/** A lesson as its audit rows record it (dates become ISO strings in JSON). */
const lessonSnapshot = (l: LessonRow) => {
  const { courseId: _c, createdAt: _a, updatedAt: _u, ...fields } = l;
  return fields;
};

/**
 * Sections and lessons of a course. Each change locks the course row, keeps positions dense (0..n-1)
 * and `lesson_count` right, and writes its audit row, all in one transaction.
 */
export function createCurriculumService(d: Pick<CatalogDeps, 'database' | 'clock' | 'cache' | 'storage'>) {
  const db = d.database.db;

  /** Run `fn` on the course (locked) that `actor` may edit, then invalidate the public catalog. */
  async function onCourse<T>(
    actor: Actor,
    find: (tx: Tx) => Promise<string | undefined>,
    fn: (tx: Tx, course: Course, now: Date) => Promise<T>,
  ): Promise<T> {
    const result = await db.transaction(async (tx) => {
      const courseId = await find(tx);
      if (!courseId) throw notFound('course');
      const { course } = await loadEditableCourse(tx, actor, courseId, { lock: true });
      return fn(tx, course, d.clock.now());
    });
    await d.cache.bump();
    return result;
  }
  const sectionCourse = (id: string) => async (tx: Tx) =>
    (await curriculumRepo.findSection(tx, id))?.courseId;
  const lessonCourse = (id: string) => async (tx: Tx) => (await curriculumRepo.findLesson(tx, id))?.courseId;
  const audit = (x: Executor, now: Date, e: Parameters<typeof auditRepo.record>[1]) =>
    auditRepo.record(x, e, now);
  async function sectionOutline(x: Executor, courseId: string, sectionId: string): Promise<SectionOutline> {
    const found = (await courseViews.outline(x, courseId)).find((s) => s.id === sectionId);
    if (!found) throw notFound('section');
    return found;
  }
  /** A published course keeps at least one lesson: the catalog would otherwise sell an empty course. */
  const keepsALesson = (course: Course, removing: number) => {
    if (course.status === 'published' && course.lessonCount - removing <= 0)
      throw conflict('course_has_no_lessons', 'A published course needs at least one lesson.');
  };

  return {
    async createSection(actor: Actor, courseId: string, body: SectionBody): Promise<SectionOutline> {
      return onCourse(
        actor,
        async () => courseId,
        async (tx, course, now) => {
          const position = (await curriculumRepo.sectionIdsOf(tx, course.id)).length;
          const s = await curriculumRepo.insertSection(tx, {
            courseId: course.id,
            title: body.title,
            position,
            createdAt: now,
            updatedAt: now,
          });
          await coursesRepo.update(tx, course.id, { updatedAt: now });
          await audit(tx, now, {
            courseId: course.id,
            actorId: actor.id,
            action: 'section.created',
            after: { id: s.id, title: s.title, position },
          });
          return { id: s.id, title: s.title, position: s.position, lessons: [] };
        },
      );
    },

    async updateSection(actor: Actor, sectionId: string, body: SectionBody): Promise<SectionOutline> {
      return onCourse(actor, sectionCourse(sectionId), async (tx, course, now) => {
        const before = await curriculumRepo.findSection(tx, sectionId);
        if (before && before.title !== body.title) {
          await curriculumRepo.updateSection(tx, sectionId, { title: body.title, updatedAt: now });
          await coursesRepo.update(tx, course.id, { updatedAt: now });
          await audit(tx, now, {
            courseId: course.id,
            actorId: actor.id,
            action: 'section.updated',
            before: { id: sectionId, title: before.title },
            after: { id: sectionId, title: body.title },
          });
        }
        return sectionOutline(tx, course.id, sectionId);
      });
    },

    /** Delete a section with its lessons (and their uploaded files); the remaining sections close the gap. */
    async deleteSection(actor: Actor, sectionId: string): Promise<void> {
      const keys = await onCourse(actor, sectionCourse(sectionId), async (tx, course, now) => {
        const section = await curriculumRepo.findSection(tx, sectionId);
        if (!section) throw notFound('section');
        const removed = await curriculumRepo.countLessons(tx, { sectionId });
        if (removed > 0) keepsALesson(course, removed);
        // The rows of the lessons' files go with them (cascade); their bytes are removed after the commit.
        const fileKeys = await mediaFilesRepo.keysOfLessons(
          tx,
          await curriculumRepo.listLessonIds(tx, sectionId),
        );
        await curriculumRepo.deleteSection(tx, sectionId);
        await coursesRepo.adjustLessonCount(tx, course.id, -removed, now);
        await curriculumRepo.setSectionPositions(tx, await curriculumRepo.sectionIdsOf(tx, course.id));
        await audit(tx, now, {
          courseId: course.id,
          actorId: actor.id,
          action: 'section.deleted',
          before: { id: section.id, title: section.title, position: section.position, lessons: removed },
        });
        return fileKeys;
      });
      await removeStored(d.storage, keys);
    },

    async reorderSections(actor: Actor, courseId: string, ids: string[]): Promise<SectionOutline[]> {
      return onCourse(
        actor,
        async () => courseId,
        async (tx, course, now) => {
          const current = await curriculumRepo.sectionIdsOf(tx, course.id);
          checkSameSet(current, ids);
          await curriculumRepo.setSectionPositions(tx, ids);
          await coursesRepo.update(tx, course.id, { updatedAt: now });
          await audit(tx, now, {
            courseId: course.id,
            actorId: actor.id,
            action: 'sections.reordered',
            before: { ids: current },
            after: { ids },
          });
          return courseViews.outline(tx, course.id);
        },
      );
    },

    /** A new lesson at the end of its section. */
    async createLesson(actor: Actor, sectionId: string, body: LessonBody): Promise<StudioLesson> {
      const values = lessonColumnsFrom(body);
      return onCourse(actor, sectionCourse(sectionId), async (tx, course, now) => {
        const position = await curriculumRepo.countLessons(tx, { sectionId });
        const lesson = await curriculumRepo.insertLesson(tx, {
          ...values,
          title: body.title,
          type: body.type,
          sectionId,
          courseId: course.id,
          position,
          createdAt: now,
          updatedAt: now,
        });
        await coursesRepo.adjustLessonCount(tx, course.id, +1, now);
        await audit(tx, now, {
          courseId: course.id,
          actorId: actor.id,
          action: 'lesson.created',
          after: lessonSnapshot(lesson),
        });
        return toStudioLesson(lesson);
      });
    },

    async getLesson(actor: Actor, lessonId: string): Promise<StudioLesson> {
      const lesson = await curriculumRepo.findLesson(db, lessonId);
      if (!lesson) throw notFound('lesson');
      await loadEditableCourse(db, actor, lesson.courseId);
      return toStudioLesson(lesson);
    },

    async updateLesson(actor: Actor, lessonId: string, patch: LessonPatch): Promise<StudioLesson> {
      const values = lessonColumnsFrom(patch);
      return onCourse(actor, lessonCourse(lessonId), async (tx, course, now) => {
        const before = await curriculumRepo.findLesson(tx, lessonId);
        if (!before) throw notFound('lesson');
        const changes = diff(before, values);
        if (!changes) return toStudioLesson(before);
        const lesson = await curriculumRepo.updateLesson(tx, lessonId, { ...values, updatedAt: now });
        await coursesRepo.update(tx, course.id, { updatedAt: now });
        await audit(tx, now, {
          courseId: course.id,
          actorId: actor.id,
          action: 'lesson.updated',
          before: { id: lessonId, ...changes.before },
          after: { id: lessonId, ...changes.after },
        });
        return toStudioLesson(lesson);
      });
    },

    /** Delete a lesson (and its uploaded files); the rest of its section closes the gap. */
    async deleteLesson(actor: Actor, lessonId: string): Promise<void> {
      const keys = await onCourse(actor, lessonCourse(lessonId), async (tx, course, now) => {
        const lesson = await curriculumRepo.findLesson(tx, lessonId);
        if (!lesson) throw notFound('lesson');
        keepsALesson(course, 1);
        const fileKeys = await mediaFilesRepo.keysOfLessons(tx, [lessonId]);
        await curriculumRepo.deleteLesson(tx, lessonId);
        await coursesRepo.adjustLessonCount(tx, course.id, -1, now);
        const rest = await curriculumRepo.listLessonIds(tx, lesson.sectionId);
        await curriculumRepo.setLessonPositions(tx, lesson.sectionId, rest);
        await audit(tx, now, {
          courseId: course.id,
          actorId: actor.id,
          action: 'lesson.deleted',
          before: lessonSnapshot(lesson),
        });
        return fileKeys;
      });
      await removeStored(d.storage, keys);
    },

    async reorderLessons(actor: Actor, sectionId: string, ids: string[]): Promise<SectionOutline> {
      return onCourse(actor, sectionCourse(sectionId), async (tx, course, now) => {
        const current = await curriculumRepo.listLessonIds(tx, sectionId);
        checkSameSet(current, ids);
        await curriculumRepo.setLessonPositions(tx, sectionId, ids);
        await coursesRepo.update(tx, course.id, { updatedAt: now });
        await audit(tx, now, {
          courseId: course.id,
          actorId: actor.id,
          action: 'lessons.reordered',
          before: { sectionId, ids: current },
          after: { sectionId, ids },
        });
        return sectionOutline(tx, course.id, sectionId);
      });
    },
  };
}
export type CurriculumService = ReturnType<typeof createCurriculumService>;
