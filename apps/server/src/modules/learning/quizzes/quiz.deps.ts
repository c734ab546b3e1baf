import type { ProgressResult } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { RandomInt } from './quiz.policy.ts';

/** Who acts on a course in the studio, as the catalog sees them. */
export type CourseActor = Pick<CurrentUser, 'id' | 'role' | 'name'>;

/** What the quiz services need; built in quiz.module.ts from the platform and the other modules. */
export interface QuizDeps {
  database: Database;
  clock: Clock;
  /** The player's hook: a passed quiz completes its lesson (and, with the rest done, the course). */
  recordQuizPassed: (user: CurrentUser, lessonId: string) => Promise<ProgressResult>;
  /** The catalog's rule: the course `actor` may edit, or a 404 (another instructor's course is "not found"). */
  editableCourse: (
    actor: CourseActor,
    courseId: string,
  ) => Promise<{ id: string; slug: string; title: string }>;
  /** A uniform random integer in [0, n): which questions an attempt draws and in what order. */
  randomInt: RandomInt;
}
