// The shape of the bench data (`generate.ts`): its sizes per scale, and the SQL expressions that derive
// every row's ids and values from its number, so related rows are written without reading anything back.
import { htmlToText, sanitizeRichText } from '../../apps/server/src/modules/catalog/rich-text.ts';
import { ADJECTIVES, FIRST_NAMES, FORMS, LAST_NAMES, LEARN, PRICES, SENTENCES, TOPICS } from './words.ts';

export type Scale = 'S' | 'M' | 'L';

export const BENCH_PASSWORD = 'bench password 123';
export const ADMIN_EMAIL = 'admin@bench.9tangle.local';
export const SAMPLE_STUDENTS = 256;
export const SECTIONS = 8;
export const LESSONS_PER_SECTION = 8;
export const LESSONS = SECTIONS * LESSONS_PER_SECTION;
/** Lesson indexes (0..63, in outline order) that are quizzes: the last lesson of sections 4 and 8. */
export const QUIZ_INDEXES = [31, 63];
/** INSTRUCTOR_REVENUE_SHARE_PERCENT's default: the instructor's share in the ledger's sale. */
export const REVENUE_SHARE_PERCENT = 70;

export interface Sizes {
  courses: number;
  instructors: number;
  categories: number;
  students: number;
  orders: number;
  /** The last `reserve` courses are never given to a sample student: the buyable ones are among them. */
  reserve: number;
}

export const SIZES: Record<Scale, Sizes> = {
  S: { courses: 100, instructors: 10, categories: 10, students: 2_000, orders: 5_000, reserve: 80 },
  M: { courses: 1_000, instructors: 100, categories: 20, students: 20_000, orders: 50_000, reserve: 160 },
  L: {
    courses: 10_000,
    instructors: 1_000,
    categories: 20,
    students: 200_000,
    orders: 500_000,
    reserve: 160,
  },
};

// ── SQL helpers ─────────────────────────────────────────────────────────────────────────────────────────

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const textArray = (list: readonly string[]) => `ARRAY[${list.map(lit).join(', ')}]::text[]`;
export const intArray = (list: readonly number[]) => `ARRAY[${list.join(', ')}]::int[]`;
/** The id of row `n` of a kind, the same in every statement: an md5, shaped as a version-4 UUID (the API checks). */
export const uid = (kind: string, n: string) =>
  `overlay(overlay(md5('${kind}:' || (${n})::text) placing '4' from 13) placing '8' from 17)::uuid`;

/** The SQL expressions of the data's shape, by row number; every statement derives ids and values from them. */
export function shape(z: Sizes, base: string) {
  const { courses: N, categories: NC, students: NS, orders: NO, instructors: NI, reserve: R } = z;
  const at = `'${base}'::timestamptz`;
  const topicIdx = (k: string) => `(((${k}) - 1) % ${NC}) * 3 + (((${k}) - 1) / ${NC}) % 3`;
  const topic = (k: string) => `(${textArray(TOPICS)})[${topicIdx(k)} + 1]`;
  const title = (k: string) =>
    `(${textArray(ADJECTIVES)})[((${k}) * 7) % ${ADJECTIVES.length} + 1] || ' ' || initcap(${topic(k)}) || ' ' || (${textArray(FORMS)})[((${k}) / 3) % ${FORMS.length} + 1]`;
  const price = (k: string) =>
    `(case when (${k}) % 5 = 0 then 0 else (${intArray(PRICES)})[(${k}) % ${PRICES.length} + 1] end)`;
  /** The course of a student's enrollment e (0..9); sample students stay out of the reserve. */
  const courseOf = (s: string, e: string) =>
    `(case when (${s}) <= ${SAMPLE_STUDENTS} then (((${s}) - 1) * 10 + (${e})) % ${N - R} + 1 else (((${s}) - 1) * 10 + (${e})) % ${N} + 1 end)`;
  /** The order that bought enrollment e of student s (when e < 9 and it is ≤ the order count). */
  const orderOf = (s: string, e: string) => `((${e}) / 3) * ${NS} + (${s})`;
  const orderAt = (o: string) => `(${at} - ((((${o})::bigint * 7919) % 525600) + 10) * interval '1 minute')`;
  const studentName = (s: string) =>
    `(${textArray(FIRST_NAMES)})[((${s}) * 7) % ${FIRST_NAMES.length} + 1] || ' ' || (${textArray(LAST_NAMES)})[((${s}) * 11) % ${LAST_NAMES.length} + 1]`;
  const studentEmail = (s: string) => `'student' || (${s}) || '@bench.9tangle.local'`;
  const instructorName = (i: string) =>
    `(${textArray(FIRST_NAMES)})[((${i}) - 1) % ${FIRST_NAMES.length} + 1] || ' ' || (${textArray(LAST_NAMES)})[(((${i}) - 1) / ${FIRST_NAMES.length}) % ${LAST_NAMES.length} + 1]`;
  const instructorOf = (k: string) => `((${k}) - 1) % ${NI} + 1`;
  /** Lessons of an enrollment with a progress row: the first n, 0..20 (about 10 on average). */
  const progressCount = (s: string, e: string) => `(((${s}) * 3 + (${e}) * 7) % 21)`;
  const lessonType = (idx: string) =>
    `(case when (${idx}) in (${QUIZ_INDEXES.join(', ')}) then 'quiz' when (${idx}) % 2 = 0 then 'video' else 'text' end)`;
  const lessonSeconds = (k: string, idx: string) =>
    `(case when (${idx}) in (${QUIZ_INDEXES.join(', ')}) then 600 when (${idx}) % 2 = 0 then 240 + ((((${k}) * 64 + (${idx})) * 97) % 900) else 300 + ((${idx}) * 31) % 300 end)`;
  /** An enrollment's rows (s, e, k, o, src, granted) for students a..b: the base of enrollments and progress. */
  const enrollmentRows = (a: number, b: number) => `
    select s, e, k, o, src,
      case when src = 'purchase' then ${orderAt('o')} + interval '2 minutes'
           else ${at} - ((s * 13 + e * 29) % 365 + 1) * interval '1 day' end as granted
    from (
      select s, e, k, o,
        case when ${price('k')} = 0 then 'free' when e < 9 and o <= ${NO} then 'purchase' else 'admin' end as src
      from (
        select s, e, ${courseOf('s', 'e')} as k, ${orderOf('s', 'e')} as o
        from generate_series(${a}, ${b}) s cross join generate_series(0, 9) e
      ) x
    ) y`;
  /** The course lines of orders a..b: (o, s, i, k) for the paid courses of the buyer's enrollments 3r..3r+2. */
  const orderLines = (a: number, b: number) => `
    select o, s, i, k from (
      select o, s, i, ${courseOf('s', 'r * 3 + i')} as k
      from (select o, ((o - 1) % ${NS}) + 1 as s, (o - 1) / ${NS} as r from generate_series(${a}, ${b}) o) x
      cross join generate_series(0, 2) i
    ) y where ${price('k')} > 0`;
  return {
    at,
    topic,
    title,
    price,
    courseOf,
    orderAt,
    studentName,
    studentEmail,
    instructorName,
    instructorOf,
    progressCount,
    lessonType,
    lessonSeconds,
    enrollmentRows,
    orderLines,
  };
}

/** Rich-text templates, sanitised as the app would store them; `{t}` is the topic, `{l}` the lesson title. */
export function templates() {
  const s = (i: number) => SENTENCES[i % SENTENCES.length] as string;
  const descriptions = [0, 1, 2].map((v) =>
    sanitizeRichText(
      `<p>${s(v)} ${s(v + 1)} ${s(v + 2)}</p><p>${s(v + 3)} ${s(v + 4)}</p><p>${s(v + 6)}</p>`,
    ),
  );
  const lessons = [0, 1, 2, 3].map((v) =>
    sanitizeRichText(
      `<h2>{l}</h2><p>${s(v)} ${s(v + 3)}</p><p>${s(v + 4)}</p><ul><li>${LEARN[0]}</li><li>${LEARN[1]}</li><li>${LEARN[2]}</li></ul><p><strong>Tip:</strong> ${s(v + 5)}</p>`,
    ),
  );
  return { descriptions, descriptionTexts: descriptions.map((d) => htmlToText(d)), lessons };
}

export const QUESTIONS = [
  {
    type: 'single_choice',
    prompt: '<p>Which habit helps most when you learn {t}?</p>',
    options: [
      { id: 'a', text: 'Practising a little every day' },
      { id: 'b', text: 'Reading everything once and never practising' },
      { id: 'c', text: 'Skipping the exercises' },
    ],
    answer: { optionIds: ['a'] },
    partialCredit: false,
    points: 1,
    explanation: '<p>Short, regular practice beats long, rare sessions.</p>',
  },
  {
    type: 'multiple_choice',
    prompt: '<p>Which of these belong in a good {t} project?</p>',
    options: [
      { id: 'a', text: 'A clear goal' },
      { id: 'b', text: 'Copying code without understanding it' },
      { id: 'c', text: 'Small steps you can check' },
      { id: 'd', text: 'Never testing the result' },
    ],
    answer: { optionIds: ['a', 'c'] },
    partialCredit: true,
    points: 1,
    explanation: '<p>A goal, and steps small enough to check one by one.</p>',
  },
  {
    type: 'true_false',
    prompt: '<p>Mistakes are a normal part of learning {t}.</p>',
    options: [],
    answer: { value: true },
    partialCredit: false,
    points: 1,
    explanation: '<p>Every mistake shows you what to practise next.</p>',
  },
  {
    type: 'numeric',
    prompt: '<p>How many lessons does each section of this course have?</p>',
    options: [],
    answer: { value: LESSONS_PER_SECTION, tolerance: 0 },
    partialCredit: false,
    points: 2,
    explanation: `<p>Every section has ${LESSONS_PER_SECTION} lessons.</p>`,
  },
] as const;
