import type { Gradebook, StudioAttemptDetail, StudioAttemptList } from '@9tangle/contracts';
import { notFound } from '../../../http/errors.ts';
import { courseContentRepo } from '../course-content.repo.ts';
import { toCsv } from './csv.ts';
import type { CourseActor, QuizDeps } from './quiz.deps.ts';
import { toStudioAttemptDetail, toStudioAttemptSummary } from './quiz.mappers.ts';
import { quizRepo } from './quiz.repo.ts';
import { quizGradebookRepo } from './quiz-gradebook.repo.ts';

const pageInfo = (page: number, limit: number, total: number) => ({
  page,
  limit,
  total,
  pages: Math.max(1, Math.ceil(total / limit)),
});
/** Students per query when the CSV walks the whole course. */
const CSV_BATCH = 500;

/**
 * The gradebook of a course, for its editors: students × quiz lessons (best score, attempts, passed),
 * a page at a time in a fixed number of queries, the same as CSV, and attempts in detail.
 */
export function createQuizGradebookService(d: Pick<QuizDeps, 'database' | 'editableCourse'>) {
  const db = d.database.db;

  async function quizzesOf(courseId: string) {
    const outline = await courseContentRepo.outline(db, courseId);
    return outline
      .filter((l) => l.type === 'quiz')
      .map((l) => ({ lessonId: l.id, title: l.title, sectionTitle: l.sectionTitle }));
  }

  /** One page of rows: the students, then every attempt figure for them in one grouped query. */
  async function rowsFor(courseId: string, quizzes: { lessonId: string }[], limit: number, offset: number) {
    const students = await quizGradebookRepo.students(db, courseId, { limit, offset });
    const figures = await quizGradebookRepo.aggregates(
      db,
      courseId,
      students.map((s) => s.id),
    );
    const byKey = new Map(figures.map((f) => [`${f.userId}:${f.lessonId}`, f]));
    return students.map((s) => ({
      student: { id: s.id, name: s.name, email: s.email },
      enrolledAt: s.enrolledAt.toISOString(),
      enrollmentStatus: s.status,
      completedAt: s.completedAt?.toISOString() ?? null,
      cells: quizzes.map(({ lessonId }) => {
        const f = byKey.get(`${s.id}:${lessonId}`);
        return {
          lessonId,
          attempts: f?.attempts ?? 0,
          inProgress: f?.inProgress ?? false,
          bestPercent: f?.bestPercent ?? null,
          passed: f?.passed ?? false,
          lastSubmittedAt: f?.lastSubmittedAt?.toISOString() ?? null,
        };
      }),
    }));
  }

  return {
    /** A page of the gradebook. */
    async gradebook(
      actor: CourseActor,
      courseId: string,
      q: { page: number; limit: number },
    ): Promise<Gradebook> {
      const course = await d.editableCourse(actor, courseId);
      const [quizzes, total] = await Promise.all([
        quizzesOf(course.id),
        quizGradebookRepo.countStudents(db, course.id),
      ]);
      const rows = await rowsFor(course.id, quizzes, q.limit, (q.page - 1) * q.limit);
      return { quizzes, rows, pageInfo: pageInfo(q.page, q.limit, total) };
    },

    /** The whole gradebook as CSV (see csv.ts), with a file name for the download. */
    async csv(actor: CourseActor, courseId: string): Promise<{ filename: string; body: string }> {
      const course = await d.editableCourse(actor, courseId);
      const quizzes = await quizzesOf(course.id);
      const header = ['Student', 'Email', 'Enrolled at', 'Enrollment', 'Course completed at'];
      for (const quiz of quizzes)
        header.push(`${quiz.title}: best %`, `${quiz.title}: attempts`, `${quiz.title}: passed`);
      const lines: (string | number | null)[][] = [header];
      for (let offset = 0; ; offset += CSV_BATCH) {
        const rows = await rowsFor(course.id, quizzes, CSV_BATCH, offset);
        for (const r of rows)
          lines.push([
            r.student.name,
            r.student.email,
            r.enrolledAt,
            r.enrollmentStatus,
            r.completedAt,
            ...r.cells.flatMap((c) => [c.bestPercent, c.attempts, c.passed ? 'yes' : 'no']),
          ]);
        if (rows.length < CSV_BATCH) break;
      }
      return { filename: `gradebook-${course.slug}.csv`, body: toCsv(lines) };
    },

    /** A page of the course's attempts, newest first, optionally of one quiz or one student. */
    async attempts(
      actor: CourseActor,
      courseId: string,
      q: { page: number; limit: number; lessonId?: string; userId?: string },
    ): Promise<StudioAttemptList> {
      const course = await d.editableCourse(actor, courseId);
      const { rows, total } = await quizGradebookRepo.attempts(db, course.id, {
        lessonId: q.lessonId,
        userId: q.userId,
        limit: q.limit,
        offset: (q.page - 1) * q.limit,
      });
      return { items: rows.map(toStudioAttemptSummary), pageInfo: pageInfo(q.page, q.limit, total) };
    },

    /** One attempt with every question, the key, the student's response and its grade. */
    async attempt(actor: CourseActor, attemptId: string): Promise<StudioAttemptDetail> {
      const row = await quizGradebookRepo.attempt(db, attemptId);
      if (!row) throw notFound('attempt');
      await d.editableCourse(actor, row.attempt.courseId);
      const [questions, answers] = await Promise.all([
        quizRepo.questionsByIds(
          db,
          row.attempt.questions.map((x) => x.questionId),
        ),
        quizRepo.answersOf(db, row.attempt.id),
      ]);
      return toStudioAttemptDetail({ ...row, questions, answers });
    },
  };
}
export type QuizGradebookService = ReturnType<typeof createQuizGradebookService>;
