import type { CourseSummary, EnrollmentDto } from '@9tangle/contracts';
import type { Database } from '../../db/client.ts';
import type { EnrollmentRow } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CatalogCache } from '../catalog/catalog-cache.ts';

export interface LearningDeps {
  database: Database;
  clock: Clock;
  /** Catalog cards for course ids (from the catalog service), in the order asked. */
  courseSummaries: (ids: string[]) => Promise<CourseSummary[]>;
  /** The catalog's versioned cache: a course's outline changes only with a catalog write. */
  catalogCache: CatalogCache;
  /** Tell the catalog its cached figures (enrollment counts) moved. */
  onEnrollmentChange: () => Promise<void>;
  /**
   * Called whenever a recount finds the course complete (possibly many times for one student): the
   * certificates service issues the certificate once.
   */
  onCourseCompleted?: (userId: string, courseId: string) => Promise<void>;
}

export function toEnrollmentDto(e: EnrollmentRow): EnrollmentDto {
  return {
    courseId: e.courseId,
    source: e.source,
    status: e.status,
    grantedAt: e.grantedAt.toISOString(),
    expiresAt: e.expiresAt?.toISOString() ?? null,
    completedAt: e.completedAt?.toISOString() ?? null,
    completedLessons: e.completedLessons,
    progressPercent: e.progressPercent,
    lastLessonId: e.lastLessonId,
    lastAccessedAt: e.lastAccessedAt?.toISOString() ?? null,
  };
}
