import type { Database, Executor } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Storage } from '../../platform/storage.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { MailService } from '../notifications/mail.service.ts';
import { canEditCourse } from './catalog.policy.ts';
import type { CatalogCache } from './catalog-cache.ts';
import type { CursorCodec } from './catalog-cursor.ts';
import { type Course, coursesRepo } from './courses.repo.ts';

/** What the catalog services need; built once in catalog.module.ts. */
export interface CatalogDeps {
  database: Database;
  clock: Clock;
  cache: CatalogCache;
  storage: Storage;
  /** Signs and reads the catalog's keyset cursors. */
  cursors: CursorCodec;
  /** Mail to instructors (added to a course, a course rejected); written in the change's transaction. */
  mail: Pick<MailService, 'write' | 'dispatch'>;
  /** The site's address, for links in mail. */
  publicUrl: URL;
}

/** Who acts on a course, as the services see them. */
export type Actor = Pick<CurrentUser, 'id' | 'role' | 'name'>;

/**
 * The course `user` may edit, or 404 — another instructor's course is answered exactly like a course
 * that does not exist. With `lock`, the row is locked for the rest of the transaction.
 */
export async function loadEditableCourse(
  x: Executor,
  user: Actor,
  courseId: string,
  o: { lock?: boolean } = {},
): Promise<{ course: Course; instructorIds: string[] }> {
  const course = o.lock ? await coursesRepo.lockById(x, courseId) : await coursesRepo.findById(x, courseId);
  if (!course) throw notFound('course');
  const instructorIds = await coursesRepo.instructorIds(x, courseId);
  if (!canEditCourse(user, course, instructorIds)) throw notFound('course');
  return { course, instructorIds };
}
