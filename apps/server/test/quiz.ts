import type { QuestionBodyInput } from '@9tangle/contracts';
import type { UserRow } from '../src/db/schema/index.ts';
import { buildCourse, buildLesson, buildSection } from '../src/seed/factories.ts';
import { signedIn } from './catalog.ts';
import type { Client, TestApp } from './harness.ts';

/**
 * Marker strings and values that only an answer key or an explanation holds: a response that contains
 * one of them before submission leaked the key.
 */
export const SECRETS = {
  explanation: 'EXPLAINSECRETqx',
  accepted: 'ACCEPTEDSECRETqx',
  pattern: 'PATTERNSECRETqx\\d+',
  numeric: 271828.125,
};

/** One question of every type, worth 1 point each except the numeric one (2). Option "b" is right. */
export const QUESTIONS: QuestionBodyInput[] = [
  {
    type: 'single_choice',
    promptHtml: '<p>Which planet is largest?</p>',
    options: [
      { id: 'a', text: 'Mars' },
      { id: 'b', text: 'Jupiter' },
      { id: 'c', text: 'Venus' },
    ],
    answer: { optionIds: ['b'] },
    explanationHtml: `<p>${SECRETS.explanation} one</p>`,
  },
  {
    type: 'multiple_choice',
    promptHtml: '<p>Which are prime?</p>',
    options: [
      { id: 'a', text: '2' },
      { id: 'b', text: '3' },
      { id: 'c', text: '4' },
      { id: 'd', text: '9' },
    ],
    answer: { optionIds: ['a', 'b'] },
    partialCredit: true,
    explanationHtml: `<p>${SECRETS.explanation} two</p>`,
  },
  {
    type: 'true_false',
    promptHtml: '<p>Water boils at 100 °C at sea level.</p>',
    answer: { value: true },
    explanationHtml: `<p>${SECRETS.explanation} three</p>`,
  },
  {
    type: 'short_answer',
    promptHtml: '<p>Name the secret word.</p>',
    answer: { accepted: [SECRETS.accepted], caseSensitive: false, pattern: SECRETS.pattern },
    explanationHtml: `<p>${SECRETS.explanation} four</p>`,
  },
  {
    type: 'numeric',
    promptHtml: '<p>Type the number.</p>',
    answer: { value: SECRETS.numeric, tolerance: 0.5 },
    points: 2,
    explanationHtml: `<p>${SECRETS.explanation} five</p>`,
  },
];

/** The responses that answer QUESTIONS right, by type. */
export const RIGHT = {
  single_choice: { optionIds: ['b'] },
  multiple_choice: { optionIds: ['a', 'b'] },
  true_false: { value: true },
  short_answer: { text: ` ${SECRETS.accepted.toLowerCase()} ` },
  numeric: { text: '271828,3' },
} as const;
export const WRONG = {
  single_choice: { optionIds: ['a'] },
  multiple_choice: { optionIds: ['c'] },
  true_false: { value: false },
  short_answer: { text: 'nope' },
  numeric: { text: '1' },
} as const;

export async function createQuestion(client: Client, courseId: string, body: QuestionBodyInput) {
  const res = await client.post(`/api/studio/courses/${courseId}/questions`, body);
  if (res.statusCode !== 201) throw new Error(`question failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; type: keyof typeof RIGHT };
}

/** A full quiz-settings body, as the studio form sends it (the database defaults). */
export const QUIZ_SETTINGS = {
  pool: null,
  questionCount: null,
  passPercent: 70,
  attemptLimit: null,
  timeLimitSeconds: null,
  shuffleQuestions: true,
  shuffleOptions: true,
  showCorrectAnswers: true,
};

/**
 * A free published course by a signed-in instructor: a text lesson and a quiz lesson (both required),
 * with a bank of `questions` and, when given, saved quiz settings.
 */
export async function quizCourse(
  t: TestApp,
  o: {
    questions?: QuestionBodyInput[];
    settings?: Record<string, unknown>;
    dripDays?: number;
    instructor?: { user: UserRow; client: Client };
  } = {},
) {
  const db = t.platform.database.db;
  const instructor = o.instructor ?? (await signedIn(t, 'instructor'));
  const course = await buildCourse(db, {
    instructorId: instructor.user.id,
    status: 'published',
    priceMinor: 0,
  });
  const section = await buildSection(db, { courseId: course.id });
  const text = await buildLesson(db, { sectionId: section.id, title: 'Read first' });
  const quiz = await buildLesson(db, {
    sectionId: section.id,
    title: 'Check yourself',
    type: 'quiz',
    contentHtml: null,
    dripDays: o.dripDays ?? null,
  });
  const questions = [];
  for (const q of o.questions ?? QUESTIONS)
    questions.push(await createQuestion(instructor.client, course.id, q));
  if (o.settings) {
    const res = await instructor.client.request('PUT', `/api/studio/lessons/${quiz.id}/quiz`, {
      ...QUIZ_SETTINGS,
      ...o.settings,
    });
    if (res.statusCode !== 200) throw new Error(`settings failed: ${res.statusCode} ${res.body}`);
  }
  return { instructor, course, section, text, quiz, questions };
}

/** A verified student enrolled in the (free) course. */
export async function enrolledStudent(t: TestApp, slug: string) {
  const student = await signedIn(t, 'student');
  const res = await student.client.post(`/api/courses/${slug}/enroll`);
  if (res.statusCode !== 201) throw new Error(`enroll failed: ${res.statusCode} ${res.body}`);
  return student;
}

type AttemptJson = { id: string; questions: { id: string; type: keyof typeof RIGHT }[] };
/** Answers for every question of an attempt: right ones for the first `right` questions, wrong after. */
export function answersFor(attempt: AttemptJson, right: number) {
  return attempt.questions.map((q, i) => ({
    questionId: q.id,
    response: i < right ? RIGHT[q.type] : WRONG[q.type],
  }));
}
