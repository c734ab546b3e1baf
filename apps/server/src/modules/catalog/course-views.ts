import type { CourseDetail, CourseSummary, StudioCourse } from '@9tangle/contracts';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import {
  instructorsByCourse,
  toCourseDetail,
  toCourseSummary,
  toOutline,
  toStudioCourse,
} from './catalog.mappers.ts';
import { type CourseWithCategory, coursesRepo } from './courses.repo.ts';
import { curriculumRepo } from './curriculum.repo.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';
import { mediaFilesRepo } from './media/media-files.repo.ts';

/**
 * Courses as their DTOs, with what they embed loaded in a fixed number of queries whatever the page
 * size: one for all the instructors of a page, two for a course's outline.
 */
export const courseViews = {
  async summaries(x: Executor, rows: CourseWithCategory[]): Promise<CourseSummary[]> {
    const refs = instructorsByCourse(
      await instructorsRepo.refsForCourses(
        x,
        rows.map((r) => r.id),
      ),
    );
    return rows.map((r) => toCourseSummary(r, refs.get(r.id) ?? []));
  },
  async outline(x: Executor, courseId: string) {
    const [sections, lessons] = await Promise.all([
      curriculumRepo.listSections(x, courseId),
      curriculumRepo.outline(x, courseId),
    ]);
    return toOutline(sections, lessons);
  },
  async detail(x: Executor, row: CourseWithCategory): Promise<CourseDetail> {
    const [refs, sections] = await Promise.all([
      instructorsRepo.refsForCourses(x, [row.id]),
      courseViews.outline(x, row.id),
    ]);
    return toCourseDetail(row, instructorsByCourse(refs).get(row.id) ?? [], sections);
  },
  /** A course as the studio shows it, by id (the caller has checked the actor may see it). */
  async studio(x: Executor, id: string): Promise<StudioCourse> {
    const row = await coursesRepo.findWithCategory(x, id);
    if (!row) throw notFound('course');
    const [refs, sections, introFile] = await Promise.all([
      instructorsRepo.refsForCourses(x, [row.id]),
      courseViews.outline(x, row.id),
      row.introVideoFileId ? mediaFilesRepo.findById(x, row.introVideoFileId) : undefined,
    ]);
    return toStudioCourse(row, instructorsByCourse(refs).get(row.id) ?? [], sections, introFile ?? null);
  },
  /** Studio list items: the studio course without its outline and description. */
  async studioItems(x: Executor, rows: CourseWithCategory[]) {
    const refs = instructorsByCourse(
      await instructorsRepo.refsForCourses(
        x,
        rows.map((r) => r.id),
      ),
    );
    return rows.map((r) => {
      const { sections: _s, descriptionHtml: _d, ...item } = toStudioCourse(r, refs.get(r.id) ?? [], []);
      return item;
    });
  },
};
