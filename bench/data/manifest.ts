// The manifest of a bench database: what the workloads need to know of the generated data (sample
// students with their course and lessons, the search that matches, the buyable courses), rebuilt from
// the row numbers.
import type { RawSql } from '../../apps/server/src/db/client.ts';
import { ADMIN_EMAIL, BENCH_PASSWORD, SAMPLE_STUDENTS, type Scale, SIZES, uid } from './shape.ts';
import { CATEGORIES, TOPICS } from './words.ts';

export interface Manifest {
  scale: Scale;
  /** Rows per table as generated. */
  counts: Record<string, number>;
  password: string;
  admin: { email: string };
  /** Sample students, each enrolled in a 64-lesson course with a quiz lesson (unlimited attempts). */
  students: Array<{
    email: string;
    courseSlug: string;
    courseId: string;
    /** The 64 lessons of the course, in the player's order. */
    lessonIds: string[];
    quizLessonId: string | null;
  }>;
  /** Query parameters of GET /api/courses that match a few per cent of the courses. */
  catalogSearch: { q: string; category: string };
  /** Paid published courses none of the sample students owns. */
  buyable: { courseIds: string[] };
}

const TABLES = [
  'users',
  'instructor_profiles',
  'categories',
  'courses',
  'course_instructors',
  'course_sections',
  'lessons',
  'quiz_settings',
  'quiz_questions',
  'enrollments',
  'lesson_progress',
  'orders',
  'order_items',
  'payments',
  'order_events',
  'ledger_entries',
];

export async function countOf(raw: RawSql, table: string): Promise<number> {
  const { rows } = await raw.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]?.n ?? 0;
}

/** The manifest of a database holding the data of `scale`, from the row numbers and the rows. */
/**
 * The `stripe_webhook` workload fulfils the orders `checkout` placed, so the sample students come to own
 * the buyable courses, and a later run's checkout would answer 409 `already_enrolled`. Taking those
 * purchases back keeps "none of the sample students owns them" true at the start of every run.
 */
/** The address of sample student `s` (1-based), as the generator names every student. */
const sampleEmail = (s: number) => `student${s}@bench.9tangle.local`;

export async function restoreBuyable(raw: RawSql, scale: Scale): Promise<void> {
  const z = SIZES[scale];
  // Only the sample students' (the ones the workloads sign in as): the generated purchases of the other
  // students in these courses are part of the data set and stay.
  const samples = Array.from({ length: Math.min(SAMPLE_STUDENTS, z.students) }, (_, i) => sampleEmail(i + 1));
  await raw.query(
    `delete from enrollments e using users u
     where u.id = e.user_id and u.email = any($3::text[]) and e.source = 'purchase'
       and e.course_id in (select ${uid('course', 'k')} from generate_series($1::int, $2::int) k)`,
    [z.courses - z.reserve + 1, z.courses, samples],
  );
}

/**
 * An earlier run's `stripe_webhook` fulfilled thousands of orders, each with a receipt (and its invoice
 * PDF) for the mail job to render and send. Left queued, the next run's server would work through them
 * in the background while it measures something else, and count that against it. They are the bench's
 * own mail to generated addresses: taken out of the outbox and the job queue at the start of a run.
 */
export async function quietOutbox(raw: RawSql): Promise<void> {
  // A database no server has started on yet has no job queue.
  const { rows } = await raw.query<{ t: string | null }>(`select to_regclass('pgboss.job')::text as t`);
  if (rows[0]?.t)
    await raw.query(`delete from pgboss.job where name = $1 and state in ('created', 'retry')`, [
      'mail.send',
    ]);
  await raw.query(`delete from mail_messages where status <> $1`, ['sent']);
}

/**
 * Every job still queued (the receipts a webhook run's fulfilments queue: an invoice PDF and a mail
 * each), and the mail not sent: the next workload's server would otherwise work through them while it
 * is measured. `bench/profile.ts` runs this between workloads.
 */
export async function quietJobs(raw: RawSql): Promise<void> {
  const { rows } = await raw.query<{ t: string | null }>(`select to_regclass('pgboss.job')::text as t`);
  if (rows[0]?.t) await raw.query(`delete from pgboss.job where state in ('created', 'retry')`);
  await raw.query(`delete from mail_messages where status <> $1`, ['sent']);
}

/**
 * An earlier run's checkouts left hundreds of orders awaiting payment, at a fake Stripe that has since
 * stopped. Once ten minutes old, the reconciliation job looks each one up every minute (at a new fake
 * that does not know them: an error, logged with its stack, per attempt) in the middle of this run's
 * measurements. They are cancelled, as the pending-order sweep would do once they expire.
 */
export async function closeEarlierCheckouts(raw: RawSql): Promise<void> {
  await raw.query(
    `with closed as (
       update payments set status = 'cancelled', updated_at = $1
       where status in ('created', 'pending') returning order_id)
     update orders set status = 'cancelled', cancelled_at = $1, updated_at = $1
     where status = 'pending' and id in (select order_id from closed)`,
    [new Date()],
  );
}

/**
 * The state the workloads write, put back as generated: the generator makes no quiz attempts, so every
 * attempt is an earlier run's (thousands per sample student after a few runs, and each start counts
 * them); and the rows the progress and page workloads update are vacuumed, so a run does not read
 * through the dead versions an earlier one left.
 */
export async function resetWorkloadState(raw: RawSql): Promise<void> {
  await raw.exec('delete from quiz_attempts');
  for (const table of ['quiz_attempts', 'quiz_attempt_answers', 'enrollments', 'lesson_progress', 'orders'])
    await raw.exec(`vacuum (analyze) ${table}`);
}

export async function manifestOf(raw: RawSql, scale: Scale): Promise<Manifest> {
  const z = SIZES[scale];
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = await countOf(raw, t);

  // The same course formula as `shape().courseOf`, for enrollment (s - 1) % 10 of sample student s, so the
  // samples spread over the courses outside the reserve.
  const samples = Math.min(SAMPLE_STUDENTS, z.students);
  const courseOfSample = (s: number) => (((s - 1) * 10 + ((s - 1) % 10)) % (z.courses - z.reserve)) + 1;
  const ks = [...new Set(Array.from({ length: samples }, (_, i) => courseOfSample(i + 1)))];
  const { rows } = await raw.query<{
    k: number;
    id: string;
    slug: string;
    lesson_ids: string[];
    quiz_id: string | null;
  }>(
    `select k, c.id, c.slug,
            array(select l.id::text from lessons l join course_sections s on s.id = l.section_id
                  where l.course_id = c.id order by s.position, l.position) as lesson_ids,
            (select l.id::text from lessons l join course_sections s on s.id = l.section_id
             join quiz_settings q on q.lesson_id = l.id and q.attempt_limit is null
             where l.course_id = c.id and l.type = 'quiz' order by s.position, l.position limit 1) as quiz_id
     from unnest($1::int[]) k join courses c on c.id = ${uid('course', 'k')}`,
    [ks],
  );
  const byK = new Map(rows.map((r) => [Number(r.k), r]));
  const students: Manifest['students'] = [];
  for (let s = 1; s <= samples; s++) {
    const c = byK.get(courseOfSample(s));
    if (!c) throw new Error(`manifest: no course for sample student ${s}`);
    students.push({
      email: sampleEmail(s),
      courseSlug: c.slug,
      courseId: c.id,
      lessonIds: c.lesson_ids,
      quizLessonId: c.quiz_id,
    });
  }
  const buyable = await raw.query<{ id: string }>(
    `select c.id::text as id from generate_series($1::int, $2::int) k
     join courses c on c.id = ${uid('course', 'k')}
     where c.status = 'published' and c.price_minor > 0 order by k`,
    [z.courses - z.reserve + 1, z.courses],
  );
  return {
    scale,
    counts,
    password: BENCH_PASSWORD,
    admin: { email: ADMIN_EMAIL },
    students,
    catalogSearch: { q: TOPICS[0] as string, category: (CATEGORIES[0] as { slug: string }).slug },
    buyable: { courseIds: buyable.rows.map((r) => r.id) },
  };
}
