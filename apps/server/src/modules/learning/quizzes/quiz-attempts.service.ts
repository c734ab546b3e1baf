import type { ProgressResult, QuizAttemptView, QuizIntro, QuizResponse } from '@9tangle/contracts';
import type { QuizAttemptRow } from '../../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { courseContentRepo } from '../course-content.repo.ts';
import type { QuizDeps } from './quiz.deps.ts';
import { toAttemptView } from './quiz.mappers.ts';
import {
  attemptSize,
  attemptsLeft,
  cutoffOf,
  deadlineFor,
  drawQuestions,
  isTimeUp,
  type QuizRules,
} from './quiz.policy.ts';
import { quizRepo } from './quiz.repo.ts';
import { type OpenQuiz, openQuizLesson } from './quiz-access.ts';
import { gradeQuestion, type StoredResponse, scoreAttempt } from './quiz-grading.ts';
import { checkResponse } from './quiz-responses.ts';

type AnswerInput = { questionId: string; response: QuizResponse | null };

/**
 * Taking a quiz: the intro, starting an attempt (drawn and shuffled on the server), saving answers as
 * the student goes, and submitting. Grading happens here only, once per attempt; the time limit is
 * enforced with `deps.clock` (see `DEADLINE_GRACE_MS`), and an attempt whose time ran out is graded the
 * next time it is read or a new one is started.
 */
export function createQuizAttemptsService(
  d: Pick<QuizDeps, 'database' | 'clock' | 'recordQuizPassed' | 'randomInt'>,
) {
  const db = d.database.db;
  const open = (user: CurrentUser, lessonId: string) => openQuizLesson(db, user, lessonId, d.clock.now());

  /**
   * Grade an open attempt once: the row is locked, answers saved after the cutoff do not count, and
   * only the transaction that closes the attempt reports `graded`. A pass completes the lesson.
   */
  async function grade(user: CurrentUser, attemptId: string, rules: QuizRules) {
    const now = d.clock.now();
    const graded = await db.transaction(async (tx) => {
      const a = await quizRepo.lockAttempt(tx, attemptId);
      if (a?.status !== 'in_progress') return null;
      const questions = await quizRepo.questionsByIds(
        tx,
        a.questions.map((q) => q.questionId),
      );
      const byId = new Map(questions.map((q) => [q.id, q]));
      const cutoff = cutoffOf(a);
      const answers = new Map((await quizRepo.answersOf(tx, a.id)).map((r) => [r.questionId, r]));
      const grades = a.questions.flatMap(({ questionId }) => {
        const q = byId.get(questionId);
        if (!q) return [];
        const r = answers.get(questionId);
        const inTime = r && (!cutoff || r.savedAt.getTime() <= cutoff.getTime());
        return [
          {
            questionId,
            answered: !!r,
            points: q.points,
            ...gradeQuestion(q, inTime ? (r.response as StoredResponse) : undefined),
          },
        ];
      });
      const score = scoreAttempt(grades, rules.passPercent);
      await quizRepo.setAnswerGrades(
        tx,
        a.id,
        grades
          .filter((g) => g.answered)
          .map((g) => ({ questionId: g.questionId, points: (g.cents / 100).toFixed(2), correct: g.correct })),
      );
      // Past the cutoff the attempt ended when its time did, whenever it is graded.
      const submittedAt = cutoff && now > cutoff && a.deadlineAt ? a.deadlineAt : now;
      return quizRepo.markSubmitted(tx, a.id, {
        submittedAt,
        scorePoints: (score.scoreCents / 100).toFixed(2),
        maxPoints: score.maxPoints,
        scorePercent: score.percent,
        passed: score.passed,
        passPercent: rules.passPercent,
      });
    });
    const progress = graded?.passed ? await d.recordQuizPassed(user, graded.lessonId) : null;
    return { graded, progress };
  }

  /** An attempt as its student sees it now. */
  async function view(a: QuizAttemptRow, rules: QuizRules, progress: ProgressResult | null = null) {
    const [questions, answers] = await Promise.all([
      quizRepo.questionsByIds(
        db,
        a.questions.map((q) => q.questionId),
      ),
      quizRepo.answersOf(db, a.id),
    ]);
    return toAttemptView({ attempt: a, questions, answers, rules, now: d.clock.now(), progress });
  }

  /** The student's attempt (404 for anyone else's), with the quiz still open to them. */
  async function ownAttempt(
    user: CurrentUser,
    attemptId: string,
  ): Promise<{ a: QuizAttemptRow; quiz: OpenQuiz }> {
    const a = await quizRepo.attemptOf(db, attemptId, user.id);
    if (!a) throw notFound('attempt');
    return { a, quiz: await open(user, a.lessonId) };
  }

  /** Grade `a` if its time ran out; the attempt as it is afterwards. */
  async function settle(user: CurrentUser, a: QuizAttemptRow, rules: QuizRules) {
    if (a.status !== 'in_progress' || !isTimeUp(a, d.clock.now())) return { a, progress: null };
    const { graded, progress } = await grade(user, a.id, rules);
    return { a: graded ?? (await quizRepo.attemptOf(db, a.id, user.id)) ?? a, progress };
  }

  async function save(user: CurrentUser, attemptId: string, answers: AnswerInput[]) {
    const now = d.clock.now();
    await db.transaction(async (tx) => {
      const a = await quizRepo.lockAttempt(tx, attemptId);
      if (!a || a.userId !== user.id) throw notFound('attempt');
      if (a.status !== 'in_progress') throw conflict('attempt_submitted', 'This attempt has been submitted.');
      if (isTimeUp(a, now)) throw conflict('attempt_time_up', 'Time is up for this attempt.');
      const drawn = new Set(a.questions.map((q) => q.questionId));
      const questions = new Map(
        (await quizRepo.questionsByIds(tx, [...new Set(answers.map((x) => x.questionId))])).map((q) => [
          q.id,
          q,
        ]),
      );
      const issues: { path: (string | number)[]; message: string }[] = [];
      // The last answer to a question in one request wins; null clears it.
      const latest = new Map<string, StoredResponse | null>();
      for (const [i, input] of answers.entries()) {
        const q = questions.get(input.questionId);
        if (!q || !drawn.has(input.questionId)) {
          issues.push({ path: ['answers', i, 'questionId'], message: 'Not a question of this attempt' });
          continue;
        }
        if (input.response === null) {
          latest.set(q.id, null);
          continue;
        }
        const checked = checkResponse(q, input.response);
        if (checked.ok) latest.set(q.id, checked.response);
        else issues.push({ path: ['answers', i, 'response'], message: checked.message });
      }
      if (issues.length > 0) throw badRequest('validation_failed', 'Some answers could not be saved', issues);
      const entries = [...latest];
      await quizRepo.deleteAnswers(
        tx,
        a.id,
        entries.filter(([, r]) => r === null).map(([id]) => id),
      );
      await quizRepo.upsertAnswers(
        tx,
        a.id,
        entries.flatMap(([questionId, response]) => (response ? [{ questionId, response }] : [])),
        now,
      );
    });
    return { saved: answers.length, savedAt: now.toISOString() };
  }

  return {
    /** The quiz's rules for the student, their attempts so far and any open attempt. */
    async intro(user: CurrentUser, lessonId: string): Promise<QuizIntro> {
      const { lesson, rules } = await open(user, lessonId);
      let attempts = await quizRepo.attemptsOf(db, user.id, lessonId);
      const current = attempts.find((a) => a.status === 'in_progress');
      if (current && isTimeUp(current, d.clock.now())) {
        await grade(user, current.id, rules);
        attempts = await quizRepo.attemptsOf(db, user.id, lessonId);
      }
      const available = await quizRepo.countActive(db, lesson.courseId, rules.pool);
      const submitted = attempts.filter((a) => a.status === 'submitted');
      const passed = submitted.some((a) => a.passed);
      // Self-healing: a pass whose lesson completion did not land (a crash in between) lands now.
      if (passed) {
        const p = await courseContentRepo.progressOfLesson(db, user.id, lessonId);
        if (!p?.completedAt) await d.recordQuizPassed(user, lessonId);
      }
      const openAttempt = attempts.find((a) => a.status === 'in_progress') ?? null;
      const left = attemptsLeft(rules.attemptLimit, submitted.length);
      const scores = submitted.map((a) => a.scorePercent ?? 0);
      return {
        lessonId,
        questionCount: attemptSize(rules, available),
        passPercent: rules.passPercent,
        attemptLimit: rules.attemptLimit,
        timeLimitSeconds: rules.timeLimitSeconds,
        attemptsUsed: submitted.length,
        attemptsLeft: left,
        bestPercent: scores.length > 0 ? Math.max(...scores) : null,
        passed,
        openAttempt: openAttempt && {
          id: openAttempt.id,
          startedAt: openAttempt.startedAt.toISOString(),
          deadlineAt: openAttempt.deadlineAt?.toISOString() ?? null,
        },
        attempts: attempts.map((a) => ({
          id: a.id,
          attemptNumber: a.attemptNumber,
          status: a.status,
          startedAt: a.startedAt.toISOString(),
          submittedAt: a.submittedAt?.toISOString() ?? null,
          scorePercent: a.scorePercent,
          passed: a.passed,
        })),
        ready: available > 0,
        canStart: available > 0 && (openAttempt !== null || left === null || left > 0),
      };
    },

    /**
     * Start an attempt, or resume the open one (`created: false`). The partial unique index keeps one
     * open attempt per student and quiz, so two concurrent starts end with the same attempt.
     */
    async start(
      user: CurrentUser,
      lessonId: string,
    ): Promise<{ created: boolean; attempt: QuizAttemptView }> {
      const { lesson, rules } = await open(user, lessonId);
      for (let tries = 0; tries < 3; tries += 1) {
        const current = await quizRepo.openAttempt(db, user.id, lessonId);
        if (current) {
          const settled = await settle(user, current, rules);
          if (settled.a.status === 'in_progress')
            return { created: false, attempt: await view(settled.a, rules) };
        }
        const used = await quizRepo.lastAttemptNumber(db, user.id, lessonId);
        if (rules.attemptLimit !== null && used >= rules.attemptLimit)
          throw conflict('attempt_limit_reached', 'You have used every attempt at this quiz.');
        const pool = await quizRepo.activeQuestions(db, lesson.courseId, rules.pool);
        if (pool.length === 0) throw conflict('quiz_not_ready', 'This quiz has no questions yet.');
        const now = d.clock.now();
        const created = await quizRepo.insertAttempt(db, {
          userId: user.id,
          lessonId,
          courseId: lesson.courseId,
          attemptNumber: used + 1,
          questions: drawQuestions(pool, rules, d.randomInt),
          startedAt: now,
          deadlineAt: deadlineFor(now, rules.timeLimitSeconds),
        });
        if (created) return { created: true, attempt: await view(created, rules) };
        // A concurrent start won the race: go round and return its attempt.
      }
      throw conflict('attempt_submitted', 'Could not start the attempt, try again.');
    },

    /** An attempt of the student's; an open one whose time ran out is graded first. */
    async attempt(user: CurrentUser, attemptId: string): Promise<QuizAttemptView> {
      const { a, quiz } = await ownAttempt(user, attemptId);
      const settled = await settle(user, a, quiz.rules);
      return view(settled.a, quiz.rules, settled.progress);
    },

    /** Save answers (validated per type); refused once submitted or past the deadline and its grace. */
    async saveAnswers(user: CurrentUser, attemptId: string, answers: AnswerInput[]) {
      await ownAttempt(user, attemptId);
      return save(user, attemptId, answers);
    },

    /**
     * Submit: save the last answers if still in time, then grade once. A repeat answers the same
     * result; a late submission is graded with what was saved in time.
     */
    async submit(
      user: CurrentUser,
      attemptId: string,
      answers: AnswerInput[] = [],
    ): Promise<QuizAttemptView> {
      const { a, quiz } = await ownAttempt(user, attemptId);
      if (answers.length > 0 && a.status === 'in_progress' && !isTimeUp(a, d.clock.now()))
        await save(user, attemptId, answers);
      const { graded, progress } = await grade(user, attemptId, quiz.rules);
      const row = graded ?? (await quizRepo.attemptOf(db, attemptId, user.id)) ?? a;
      return view(row, quiz.rules, progress);
    },
  };
}
export type QuizAttemptsService = ReturnType<typeof createQuizAttemptsService>;
