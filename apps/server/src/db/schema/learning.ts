import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { courses, lessons } from './catalog.ts';
import { users } from './identity.ts';

export const enrollmentSourceEnum = pgEnum('enrollment_source', ['free', 'purchase', 'admin', 'gift']);
export const enrollmentStatusEnum = pgEnum('enrollment_status', ['active', 'revoked']);

/** A student's access to a course: granted once (idempotently), revoked on refund, optionally expiring. */
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    source: enrollmentSourceEnum('source').notNull(),
    /** What granted it (an order id, an admin id), so a retried grant is recognised. */
    sourceRef: text('source_ref'),
    status: enrollmentStatusEnum('status').notNull().default('active'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    lastLessonId: uuid('last_lesson_id').references(() => lessons.id, { onDelete: 'set null' }),
    lastAccessedAt: timestamp('last_accessed_at', { withTimezone: true }),
    completedLessons: integer('completed_lessons').notNull().default(0),
    progressPercent: integer('progress_percent').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrollments_user_course_key').on(t.userId, t.courseId),
    index('enrollments_course_status_idx').on(t.courseId, t.status),
    index('enrollments_user_accessed_idx').on(t.userId, t.lastAccessedAt),
  ],
);

/** Where a student is in one lesson: resume position, how much was watched, when it was completed. */
export const lessonProgress = pgTable(
  'lesson_progress',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    positionSeconds: integer('position_seconds').notNull().default(0),
    watchedPercent: integer('watched_percent').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index('lesson_progress_user_course_idx').on(t.userId, t.courseId),
  ],
);

/** Learning events for reports ("course viewed", …). */
export const courseEvents = pgTable(
  'course_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('course_events_course_created_idx').on(t.courseId, t.createdAt),
    index('course_events_user_idx').on(t.userId),
  ],
);

export type EnrollmentRow = typeof enrollments.$inferSelect;

export const questionTypeEnum = pgEnum('question_type', [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'numeric',
]);
export const attemptStatusEnum = pgEnum('quiz_attempt_status', ['in_progress', 'submitted']);

/**
 * How a quiz lesson runs: which questions it draws from the course's bank, the pass mark, the attempt
 * and time limits. One row per lesson of type `quiz`.
 */
export const quizSettings = pgTable(
  'quiz_settings',
  {
    lessonId: uuid('lesson_id')
      .primaryKey()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** Draw from the bank's questions in this pool; null draws from the whole bank. */
    pool: text('pool'),
    /** How many questions an attempt draws at random; null takes every question of the pool. */
    questionCount: integer('question_count'),
    passPercent: integer('pass_percent').notNull().default(70),
    /** Attempts a student may submit; null is unlimited. */
    attemptLimit: integer('attempt_limit'),
    /** Enforced by the server: answers after the deadline are not counted. Null is untimed. */
    timeLimitSeconds: integer('time_limit_seconds'),
    shuffleQuestions: boolean('shuffle_questions').notNull().default(true),
    shuffleOptions: boolean('shuffle_options').notNull().default(true),
    /** Show the correct answers and explanations in the results (after submission only). */
    showCorrectAnswers: boolean('show_correct_answers').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quiz_settings_course_idx').on(t.courseId),
    check('quiz_settings_pass_check', sql`${t.passPercent} between 0 and 100`),
  ],
);

/** One option of a choice question; `id` is stable so answers keep pointing at it when text changes. */
export interface QuestionOption {
  id: string;
  text: string;
}
/**
 * The answer key, by question type. Never sent to a browser before the attempt is submitted.
 * - single_choice: `{ optionIds: [id] }`; multiple_choice: `{ optionIds: [...] }`
 * - true_false: `{ value: boolean }`
 * - short_answer: `{ accepted: string[], caseSensitive: boolean, pattern: string | null }`
 * - numeric: `{ value: number, tolerance: number }`
 */
export type AnswerKey =
  | { optionIds: string[] }
  | { value: boolean }
  | { accepted: string[]; caseSensitive: boolean; pattern: string | null }
  | { value: number; tolerance: number };

/** The course's question bank. A removed question is archived, so submitted attempts still show it. */
export const quizQuestions = pgTable(
  'quiz_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    pool: text('pool').notNull().default('general'),
    type: questionTypeEnum('type').notNull(),
    /** Sanitized rich text. */
    promptHtml: text('prompt_html').notNull(),
    options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
    answer: jsonb('answer').$type<AnswerKey>().notNull(),
    /** Multiple choice: each right option earns its share and each wrong one takes a share away. */
    partialCredit: boolean('partial_credit').notNull().default(false),
    points: integer('points').notNull().default(1),
    /** Shown with the results: why the answer is what it is (sanitized rich text). */
    explanationHtml: text('explanation_html'),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quiz_questions_course_pool_idx').on(t.courseId, t.pool, t.position),
    check('quiz_questions_points_check', sql`${t.points} between 1 and 100`),
  ],
);

/** The questions an attempt drew, in the order shown, with each one's option order. */
export interface AttemptQuestion {
  questionId: string;
  optionIds: string[];
}

/** One try at a quiz: drawn and shuffled at the start, graded once on the server at submission. */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    status: attemptStatusEnum('status').notNull().default('in_progress'),
    questions: jsonb('questions').$type<AttemptQuestion[]>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** started_at + the time limit; answers saved or submitted after it are not counted. */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Graded figures, set at submission: points (may be fractional with partial credit). */
    scorePoints: numeric('score_points', { precision: 8, scale: 2 }),
    maxPoints: integer('max_points'),
    scorePercent: integer('score_percent'),
    passed: boolean('passed'),
    /** The pass mark in force when the attempt was graded. */
    passPercent: integer('pass_percent'),
    /**
     * Raised by every save of answers: a submission graded from what it read is written only if no
     * save came in between (ADR 041).
     */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    uniqueIndex('quiz_attempts_user_lesson_number_key').on(t.userId, t.lessonId, t.attemptNumber),
    // At most one open attempt per student and quiz: a second "start" returns the open one.
    uniqueIndex('quiz_attempts_one_open_key')
      .on(t.userId, t.lessonId)
      .where(sql`${t.status} = 'in_progress'`),
    index('quiz_attempts_course_idx').on(t.courseId, t.submittedAt),
  ],
);

/** A student's answer to one question of an attempt (saved as they go; graded at submission). */
export const quizAttemptAnswers = pgTable(
  'quiz_attempt_answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => quizQuestions.id, { onDelete: 'cascade' }),
    /** `{ optionIds }`, `{ value: boolean }`, `{ text }` or `{ value: number }`, by question type. */
    response: jsonb('response').notNull(),
    pointsAwarded: numeric('points_awarded', { precision: 8, scale: 2 }),
    correct: boolean('correct'),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

/**
 * Issued once per student and course when the course is completed. What it certifies is copied in at
 * issue (names, title), so a later rename does not change a certificate already handed out.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public, unguessable, printed on the PDF and in its QR code: `/certificates/:code`. */
    code: text('code').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    studentName: text('student_name').notNull(),
    courseTitle: text('course_title').notNull(),
    instructorNames: jsonb('instructor_names').$type<string[]>().notNull().default([]),
    /** When the course was completed (the enrollment's completed_at). */
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('certificates_code_key').on(t.code),
    uniqueIndex('certificates_user_course_key').on(t.userId, t.courseId),
    index('certificates_course_idx').on(t.courseId),
  ],
);

/** A student's review of a course they are enrolled in: once per course, editable, maybe answered. */
export const courseReviews = pgTable(
  'course_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    /** Sanitized on the way in. */
    bodyHtml: text('body_html').notNull().default(''),
    /** The instructor's public answer (sanitized). */
    replyHtml: text('reply_html'),
    repliedBy: uuid('replied_by').references(() => users.id, { onDelete: 'set null' }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** Hidden by an admin: gone from the page and from the course's average, kept for the record. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('course_reviews_course_user_key').on(t.courseId, t.userId),
    index('course_reviews_course_created_idx').on(t.courseId, t.createdAt.desc()),
    index('course_reviews_user_idx').on(t.userId),
    check('course_reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

export type QuizSettingsRow = typeof quizSettings.$inferSelect;
export type QuizQuestionRow = typeof quizQuestions.$inferSelect;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;
export type QuizAnswerRow = typeof quizAttemptAnswers.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
export type ReviewRow = typeof courseReviews.$inferSelect;
