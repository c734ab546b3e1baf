import type { ProgressResult, QuizAttemptView, QuizIntro, QuizResponse } from '@9tangle/contracts';
import type { QuizAnswerRow, QuizAttemptRow, QuizQuestionRow } from '../../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { courseContentRepo } from '../course-content.repo.ts';
import type { QuizDeps } from './quiz.deps.ts';
import { toAttemptView } from './quiz.mappers.ts';
import {
  attemptSize,
  attemptsLeft,
  deadlineFor,
  drawQuestions,
  isTimeUp,
  type QuizRules,
} from './quiz.policy.ts';
import { quizRepo } from './quiz.repo.ts';
import { quizAccessRepo } from './quiz-access.repo.ts';
import { checkQuizAccess, type OpenQuiz, openQuizLesson } from './quiz-access.ts';
import { closeAttempt } from './quiz-attempt-grading.ts';
import type { StoredResponse } from './quiz-grading.ts';
import { checkResponse } from './quiz-responses.ts';
import { createQuizTakingReads, type SubmissionRead } from './quiz-taking-reads.ts';

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
  const taking = createQuizTakingReads(db);
  const open = (user: CurrentUser, lessonId: string) => openQuizLesson(db, user, lessonId, d.clock.now());

  /**
   * Grade an open attempt once: the row is locked, answers saved after the cutoff do not count, and
   * only the transaction that closes the attempt reports `graded`. A pass completes the lesson.
   * `answers` given while the attempt is open and in time are saved first, in the same transaction
   * (the submission's last answers). Returns the questions and answers it read, so the caller can show
   * the graded attempt without reading them again.
   */
  async function grade(user: CurrentUser, attemptId: string, rules: QuizRules, input: AnswerInput[] = []) {
    const now = d.clock.now();
    const done = await db.transaction(async (tx) => {
      const a = await quizRepo.lockAttempt(tx, attemptId);
      if (a?.status !== 'in_progress') return null;
      const fresh = input.length > 0 && !isTimeUp(a, now) ? input : [];
      // Only the drawn questions: an answer to any other is refused whether or not it exists.
      const read = await quizRepo.questionsWithAnswers(
        tx,
        a.id,
        a.questions.map((q) => q.questionId),
      );
      const byId = new Map(read.questions.map((q) => [q.id, q]));
      const latest = checkAnswers(a, byId, fresh);
      const closed = closeAttempt({ attempt: a, ...read, latest, rules, now });
      // The answers of this submission are written with their grades; those saved before get theirs.
      await quizRepo.deleteAnswers(tx, a.id, closed.cleared);
      await quizRepo.upsertGradedAnswers(tx, closed.written);
      await quizRepo.setAnswerGrades(tx, a.id, closed.earlier);
      const graded = await quizRepo.markSubmitted(tx, a.id, closed.mark);
      return graded && { graded, questions: read.questions, answers: closed.answers };
    });
    return passed(user, done ?? null);
  }

  /** A pass completes the lesson (and, with the rest done, the course). */
  async function passed(
    user: CurrentUser,
    done: { graded: QuizAttemptRow; questions: QuizQuestionRow[]; answers: QuizAnswerRow[] } | null,
  ) {
    const graded = done?.graded;
    const progress = graded?.passed ? await d.recordQuizPassed(user, graded.lessonId) : null;
    return { graded, progress, read: done };
  }

  /**
   * `grade` for a submission, without a lock: graded in memory from the one read of `submit`, then
   * written in one statement only if the attempt has not changed since (no save, no other grading in
   * between, `quizRepo.writeClosed`). When it has, read again; after a few such races, the locked way.
   */
  async function gradeRead(
    user: CurrentUser,
    attemptId: string,
    first: SubmissionRead,
    input: AnswerInput[],
  ) {
    let row: typeof first | undefined = first;
    for (let tries = 0; row && tries < 3; tries += 1) {
      const { attempt: a, questions } = row;
      const rules = checkQuizAccess(row, d.clock.now()).rules;
      if (a.status !== 'in_progress') return { graded: undefined, progress: null, read: null, row };
      const now = d.clock.now();
      const fresh = input.length > 0 && !isTimeUp(a, now) ? input : [];
      const latest = checkAnswers(a, new Map(questions.map((q) => [q.id, q])), fresh);
      const closed = closeAttempt({ attempt: a, questions, answers: row.answers, latest, rules, now });
      if (await quizRepo.writeClosed(db, a.id, a.revision, closed)) {
        const graded: QuizAttemptRow = { ...a, ...closed.mark, status: 'submitted' };
        return { ...(await passed(user, { graded, questions, answers: closed.answers })), row };
      }
      row = await taking.submission(attemptId, user.id);
    }
    if (!row) throw notFound('attempt');
    const rules = checkQuizAccess(row, d.clock.now()).rules;
    return { ...(await grade(user, attemptId, rules, input)), row };
  }

  /**
   * The answers of one request, validated against the attempt's questions: the last answer to a
   * question wins; null clears it. A 400 listing every answer that does not fit.
   */
  function checkAnswers(a: QuizAttemptRow, questions: Map<string, QuizQuestionRow>, answers: AnswerInput[]) {
    const drawn = new Set(a.questions.map((q) => q.questionId));
    const issues: { path: (string | number)[]; message: string }[] = [];
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
    return latest;
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
    const row = await quizAccessRepo.ofAttempt(db, attemptId, user.id);
    if (!row) throw notFound('attempt');
    return { a: row.attempt, quiz: checkQuizAccess(row, d.clock.now()) };
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
      // Locked, and its revision raised: a submission graded from an earlier read is not written.
      const a = await quizRepo.lockForSave(tx, attemptId);
      if (!a || a.userId !== user.id) throw notFound('attempt');
      if (a.status !== 'in_progress') throw conflict('attempt_submitted', 'This attempt has been submitted.');
      if (isTimeUp(a, now)) throw conflict('attempt_time_up', 'Time is up for this attempt.');
      const questions = new Map(
        (await quizRepo.questionsByIds(tx, [...new Set(answers.map((x) => x.questionId))])).map((q) => [
          q.id,
          q,
        ]),
      );
      const latest = checkAnswers(a, questions, answers);
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
      const first = await taking.start(lessonId, user.id);
      const { lesson, rules } = checkQuizAccess(first?.access, d.clock.now());
      for (let tries = 0; tries < 3; tries += 1) {
        // The first round has it all from the access read; a round after a lost race reads again.
        const { open: current, used } =
          tries === 0 && first ? first : await quizRepo.attemptState(db, user.id, lessonId);
        if (current) {
          const settled = await settle(user, current, rules);
          if (settled.a.status === 'in_progress')
            return { created: false, attempt: await view(settled.a, rules) };
        }
        if (rules.attemptLimit !== null && used >= rules.attemptLimit)
          throw conflict('attempt_limit_reached', 'You have used every attempt at this quiz.');
        const pool =
          tries === 0 && first && !current
            ? first.pool
            : await quizRepo.activeQuestions(db, lesson.courseId, rules.pool);
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
        // A new attempt has no answers yet and its questions were just read with the pool.
        if (created)
          return {
            created: true,
            attempt: toAttemptView({
              attempt: created,
              questions: pool,
              answers: [],
              rules,
              now: d.clock.now(),
            }),
          };
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
      const first = await taking.submission(attemptId, user.id);
      if (!first) throw notFound('attempt');
      const { rules } = checkQuizAccess(first, d.clock.now());
      const { graded, progress, read, row } = await gradeRead(user, attemptId, first, answers);
      const now = d.clock.now();
      // Graded now: the grading read the questions and answers as they are stored.
      if (graded && read) return toAttemptView({ attempt: graded, ...read, rules, now, progress });
      // Already closed (a repeat, or graded when its time ran out): as the last read found it.
      if (row.attempt.status !== 'in_progress') return toAttemptView({ ...row, rules, now, progress });
      const a = (await quizRepo.attemptOf(db, attemptId, user.id)) ?? row.attempt;
      return view(a, rules, progress);
    },
  };
}
export type QuizAttemptsService = ReturnType<typeof createQuizAttemptsService>;
