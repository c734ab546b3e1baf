// The scale data of `npm run bench`: published courses with sections, lessons and quizzes, instructors,
// students, enrollments with lesson progress, and paid (fulfilled) orders with lines, payments, events
// and the sale in the ledger, all valid for the real app (the factories' rules, the services' counters).
//
// Everything is written by set-based SQL (`INSERT … SELECT … FROM generate_series`) on the server, on
// PostgreSQL and on PGlite alike. Ids are derived from a row's number (an md5 of `course:42`, shaped as
// a v4 UUID), so related rows are written without reading anything back, and the manifest is rebuilt
// from the numbers. Run as a superuser, the bulk inserts skip the foreign-key triggers (set
// BENCH_DATA_FK_CHECKS=1 to keep them).
//
// Note: the root .gitignore's `data/` also matches this folder: commit it with `git add -f bench/data`;
// biome skips it unless run with `--vcs-use-ignore-file=false`.
//
//   npx tsx bench/data/generate.ts --scale M --database-url postgres://postgres@127.0.0.1:5432/bench_m \
//     [--manifest bench-m.json]
//
// The CLI migrates the database first; on a database that already holds the data of the scale it only
// rebuilds the manifest. The manifest JSON is the last line of stdout (or goes to --manifest FILE).
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openDatabase, type RawSql } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { sanitizeRichText } from '../../apps/server/src/modules/catalog/rich-text.ts';
import { createPasswordHasher } from '../../apps/server/src/modules/identity/passwords.ts';
import {
  closeEarlierCheckouts,
  countOf,
  type Manifest,
  manifestOf,
  quietOutbox,
  resetWorkloadState,
  restoreBuyable,
} from './manifest.ts';
import {
  ADMIN_EMAIL,
  BENCH_PASSWORD,
  intArray,
  LESSONS,
  LESSONS_PER_SECTION,
  lit,
  QUESTIONS,
  QUIZ_INDEXES,
  REVENUE_SHARE_PERCENT,
  type Scale,
  SECTIONS,
  SIZES,
  shape,
  templates,
  textArray,
  uid,
} from './shape.ts';
import {
  CATEGORIES,
  LEARN,
  LESSON_TITLES,
  REQUIREMENTS,
  SECTION_TITLES,
  TOPICS,
  VIDEO_URLS,
} from './words.ts';

export type { Manifest } from './manifest.ts';
export type { Scale } from './shape.ts';

// ── The generator ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Fill a migrated, empty database with the data of `scale` and return the manifest. On a database that
 * already holds this scale's courses, nothing is written and the manifest is rebuilt.
 */
export async function generate(
  raw: RawSql,
  scale: Scale,
  log: (s: string) => void = () => undefined,
): Promise<Manifest> {
  const z = SIZES[scale];
  const existing = await countOf(raw, 'courses');
  if (existing === z.courses) {
    log(`the database already holds the ${scale} data (${existing} courses): rebuilding the manifest`);
    await restoreBuyable(raw, scale);
    await quietOutbox(raw);
    await closeEarlierCheckouts(raw);
    await resetWorkloadState(raw);
    return manifestOf(raw, scale);
  }
  if (existing !== 0)
    throw new Error(`the database holds ${existing} courses, not 0 or the ${z.courses} of scale ${scale}`);

  const started = performance.now();
  // As a superuser, the bulk inserts skip the foreign-key triggers (every id is derived from a row number
  // that exists: the S and M runs with the checks on prove the formulas). `set local` in the same
  // unparameterised query string lasts for that implicit transaction only, on one connection of the pool.
  const { rows: su } = await raw.query<{ su: boolean }>(
    'select rolsuper as su from pg_roles where rolname = current_user',
  );
  const skipChecks = su[0]?.su === true && process.env.BENCH_DATA_FK_CHECKS !== '1';
  const step = async (name: string, sql: string | string[], values?: unknown[]) => {
    const t = performance.now();
    for (const text of Array.isArray(sql) ? sql : [sql])
      await raw.query(
        skipChecks && !values ? `set local session_replication_role = replica; ${text}` : text,
        values,
      );
    log(`${name}: ${Math.round(performance.now() - t)} ms`);
  };
  const base = new Date().toISOString();
  const x = shape(z, base);
  const tpl = templates();
  const { courses: N, categories: NC, students: NS, orders: NO, instructors: NI } = z;

  // The app's own hasher with its default parameters (ARGON2_MEMORY_KIB, ARGON2_TIME_COST), once.
  const hasher = createPasswordHasher({
    memoryCost: Number(process.env.ARGON2_MEMORY_KIB ?? 19_456),
    timeCost: Number(process.env.ARGON2_TIME_COST ?? 2),
    parallelism: 1,
  });
  const hash = await hasher.hash(BENCH_PASSWORD);

  await step(
    'users',
    [
      `insert into users (id, email, name, password_hash, role, email_verified_at, created_at, updated_at)
       values (${uid('admin', '1')}, ${lit(ADMIN_EMAIL)}, 'Bench Administrator', $1, 'admin',
               ${x.at} - interval '400 days', ${x.at} - interval '400 days', ${x.at})`,
      `insert into users (id, email, name, password_hash, role, email_verified_at, created_at, updated_at)
       select ${uid('instructor', 'i')}, 'instructor' || i || '@bench.9tangle.local', ${x.instructorName('i')}, $1,
              'instructor', ${x.at} - interval '399 days', ${x.at} - interval '400 days', ${x.at}
       from generate_series(1, ${NI}) i`,
      `insert into users (id, email, name, password_hash, role, email_verified_at, created_at, updated_at)
       select ${uid('student', 's')}, ${x.studentEmail('s')}, ${x.studentName('s')}, $1, 'student', c + interval '5 minutes', c, c
       from (select s, ${x.at} - ((s * 17) % 380 + 370) * interval '1 day' + (s % 1440) * interval '1 minute' as c
             from generate_series(1, ${NS}) s) q`,
    ],
    [hash],
  );
  await step(
    'instructor profiles',
    `insert into instructor_profiles (user_id, slug, headline, bio, created_at, updated_at)
     select ${uid('instructor', 'i')},
            lower(regexp_replace(${x.instructorName('i')}, '[^A-Za-z0-9]+', '-', 'g')) || '-' || i,
            'Teacher of ' || ${x.topic('i')} || ' and more',
            'Has taught ' || ${x.topic('i')} || ' to thousands of students, one small step at a time.',
            ${x.at} - interval '399 days', ${x.at}
     from generate_series(1, ${NI}) i`,
  );
  const cats = CATEGORIES.slice(0, NC);
  await step(
    'categories',
    `insert into categories (id, name, slug, description, icon, colour, position, active)
     select ${uid('category', 'c')}, (${textArray(cats.map((c) => c.name))})[c], (${textArray(cats.map((c) => c.slug))})[c],
            'Courses about ' || array_to_string((${textArray(TOPICS)})[(c - 1) * 3 + 1 : (c - 1) * 3 + 3], ', ') || '.',
            (${textArray(cats.map((c) => c.icon))})[c], (${textArray(cats.map((c) => c.colour))})[c], c - 1, true
     from generate_series(1, ${NC}) c`,
  );
  await step(
    'courses',
    `insert into courses (id, slug, title, subtitle, description_html, description_text, category_id, level, language,
                          duration_minutes, price_minor, currency, status, what_you_will_learn, requirements,
                          intro_video_url, rating_avg, rating_count, enrollment_count, lesson_count, published_at,
                          created_at, updated_at)
     select ${uid('course', 'k')}, lower(regexp_replace(title, '[^A-Za-z0-9]+', '-', 'g')) || '-' || k, title,
            'Learn ' || topic || ' with short lessons, real exercises and quizzes',
            replace((${textArray(tpl.descriptions)})[k % 3 + 1], '{t}', topic),
            replace((${textArray(tpl.descriptionTexts)})[k % 3 + 1], '{t}', topic),
            ${uid('category', `(k - 1) % ${NC} + 1`)},
            (array['beginner', 'intermediate', 'advanced']::course_level[])[k % 3 + 1], 'en',
            0, ${x.price('k')}, 'PKR', 'published',
            (select jsonb_agg(replace(w, '{t}', topic)) from unnest(${textArray(LEARN)}) w),
            to_jsonb(${textArray(REQUIREMENTS)}),
            (${textArray(VIDEO_URLS)})[k % ${VIDEO_URLS.length} + 1], null, 0, 0, ${LESSONS},
            p, p - interval '7 days', p
     from (select k, ${x.title('k')} as title, ${x.topic('k')} as topic,
                  ${x.at} - interval '366 days' - (${N} - k + 1) * interval '5 minutes' as p
           from generate_series(1, ${N}) k) q`,
  );
  await step(
    'course instructors',
    `insert into course_instructors (course_id, user_id, position)
     select ${uid('course', 'k')}, ${uid('instructor', x.instructorOf('k'))}, 0 from generate_series(1, ${N}) k`,
  );
  await step(
    'sections',
    `insert into course_sections (id, course_id, title, position, created_at, updated_at)
     select ${uid('section', `(k - 1) * ${SECTIONS} + j`)}, ${uid('course', 'k')}, (${textArray(SECTION_TITLES)})[j + 1], j,
            ${x.at} - interval '400 days', ${x.at} - interval '400 days'
     from generate_series(1, ${N}) k cross join generate_series(0, ${SECTIONS - 1}) j`,
  );
  // Lessons in chunks of courses (the text bodies make them the widest rows).
  const lessonChunk = 2_000;
  for (let a = 1; a <= N; a += lessonChunk) {
    const b = Math.min(N, a + lessonChunk - 1);
    await step(
      `lessons ${a}-${b}`,
      `insert into lessons (id, section_id, course_id, title, type, content_html, video_url, duration_seconds,
                            is_preview, is_required, position, created_at, updated_at)
       select ${uid('lesson', `(k - 1) * ${LESSONS} + idx`)}, ${uid('section', `(k - 1) * ${SECTIONS} + idx / ${LESSONS_PER_SECTION}`)},
              ${uid('course', 'k')}, title, type::lesson_type,
              case when type = 'text' then replace(replace((${textArray(tpl.lessons)})[idx % 4 + 1], '{t}', topic), '{l}', title) end,
              case when type = 'video' then (${textArray(VIDEO_URLS)})[(k + idx) % ${VIDEO_URLS.length} + 1] end,
              ${x.lessonSeconds('k', 'idx')}, idx = 0, true, idx % ${LESSONS_PER_SECTION},
              ${x.at} - interval '400 days', ${x.at} - interval '400 days'
       from (select k, idx, ${x.lessonType('idx')} as type, ${x.topic('k')} as topic,
                    case when ${x.lessonType('idx')} = 'quiz' then 'Quiz: ' || (${textArray(SECTION_TITLES)})[idx / ${LESSONS_PER_SECTION} + 1]
                         else initcap(${x.topic('k')}) || ': ' || (${textArray(LESSON_TITLES)})[(idx * 5 + k) % ${LESSON_TITLES.length} + 1] end as title
             from generate_series(${a}, ${b}) k cross join generate_series(0, ${LESSONS - 1}) idx) q`,
    );
  }
  await step('quizzes', [
    `insert into quiz_settings (lesson_id, course_id, pool, question_count, pass_percent, attempt_limit,
                                  time_limit_seconds, shuffle_questions, shuffle_options, show_correct_answers)
       select ${uid('lesson', `(k - 1) * ${LESSONS} + idx`)}, ${uid('course', 'k')}, 'section-' || (idx / ${LESSONS_PER_SECTION} + 1),
              null, 60, null, null, true, true, true
       from generate_series(1, ${N}) k cross join unnest(${intArray(QUIZ_INDEXES)}) idx`,
    `insert into quiz_questions (id, course_id, pool, type, prompt_html, options, answer, partial_credit, points,
                                   explanation_html, position)
       select ${uid('question', `((k - 1) * ${QUIZ_INDEXES.length} + qz) * ${QUESTIONS.length} + qn`)}, ${uid('course', 'k')},
              'section-' || ((${intArray(QUIZ_INDEXES)})[qz + 1] / ${LESSONS_PER_SECTION} + 1),
              (${textArray(QUESTIONS.map((q) => q.type))})[qn + 1]::question_type,
              replace((${textArray(QUESTIONS.map((q) => sanitizeRichText(q.prompt)))})[qn + 1], '{t}', ${x.topic('k')}),
              ((${textArray(QUESTIONS.map((q) => JSON.stringify(q.options)))})[qn + 1])::jsonb,
              ((${textArray(QUESTIONS.map((q) => JSON.stringify(q.answer)))})[qn + 1])::jsonb,
              (array[${QUESTIONS.map((q) => q.partialCredit).join(', ')}]::boolean[])[qn + 1],
              (${intArray(QUESTIONS.map((q) => q.points))})[qn + 1],
              (${textArray(QUESTIONS.map((q) => sanitizeRichText(q.explanation)))})[qn + 1], qn
       from generate_series(1, ${N}) k cross join generate_series(0, ${QUIZ_INDEXES.length - 1}) qz
            cross join generate_series(0, ${QUESTIONS.length - 1}) qn`,
  ]);

  // Orders first: a purchase enrollment names its order.
  const orderChunk = 100_000;
  for (let a = 1; a <= NO; a += orderChunk) {
    const b = Math.min(NO, a + orderChunk - 1);
    const ORDER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    const powers = Array.from({ length: 8 }, (_, p) => 31 ** p);
    // A bijection of 1..31^8 (the multiplier is prime to 31), written in the app's alphabet: unique numbers.
    const number = (o: string) =>
      `'ORD-' || (select string_agg(substr('${ORDER_ALPHABET}', (((((${o})::bigint * 2654435761) % ${31 ** 8}) / (array[${powers.join(', ')}]::bigint[])[p + 1]) % 31)::int + 1, 1), '' order by p) from generate_series(0, 7) p)`;
    // The order's figures by formula (o, s, total, instructor shares, created), for every statement below.
    const totals = `select o, s, sum(${x.price('k')})::int as t,
                           sum((${x.price('k')} * ${REVENUE_SHARE_PERCENT}) / 100)::int as sh, ${x.orderAt('o')} as c
                    from (${x.orderLines(a, b)}) l group by o, s`;
    const paid = `c + interval '2 minutes'`;
    await step(`orders ${a}-${b}, with lines, payments, events and the ledger`, [
      `insert into orders (id, number, user_id, status, currency, subtotal_minor, total_minor, contact_name,
                           contact_email, country, provider, paid_at, fulfilled_at, created_at, updated_at)
       select ${uid('order', 'o')}, ${number('o')}, ${uid('student', 's')}, 'fulfilled', 'PKR', t, t,
              ${x.studentName('s')}, ${x.studentEmail('s')}, 'PK', 'stripe', ${paid}, ${paid}, c, ${paid}
       from (${totals}) q`,
      `insert into order_items (id, order_id, item_type, course_id, requires_shipping, title, unit_price_minor,
                                quantity, total_minor)
       select ${uid('order-item', 'o * 3 + i')}, ${uid('order', 'o')}, 'course', ${uid('course', 'k')}, false,
              ${x.title('k')}, ${x.price('k')}, 1, ${x.price('k')}
       from (${x.orderLines(a, b)}) l`,
      `insert into payments (id, order_id, provider, provider_ref, provider_charge_ref, amount_minor, currency, status,
                             created_at, updated_at, succeeded_at)
       select ${uid('payment', 'o')}, ${uid('order', 'o')}, 'stripe', 'cs_bench_' || o, 'pi_bench_' || o, t, 'PKR',
              'succeeded', c + interval '1 minute', ${paid}, ${paid}
       from (${totals}) q`,
      `insert into order_events (order_id, type, from_status, to_status, created_at)
       select ${uid('order', 'o')}, 'status_changed', v.f, v.t, ${paid}
       from (${totals}) q cross join (values ('pending', 'paid'), ('paid', 'fulfilled')) v(f, t)`,
      // The sale (fulfilment.ts's postSale): cash in, each course's instructor share, the rest the academy's.
      `insert into ledger_entries (movement_id, kind, account, order_id, payment_id, amount_minor, currency, created_at)
       select ${uid('movement', 'o')}, 'sale', v.account, ${uid('order', 'o')}, ${uid('payment', 'o')},
              case when v.account = 'cash:stripe' then t else -(t - sh) end, 'PKR', ${paid}
       from (${totals}) q cross join (values ('cash:stripe'), ('revenue:academy')) v(account)`,
      `insert into ledger_entries (movement_id, kind, account, user_id, order_id, order_item_id, payment_id,
                                   amount_minor, currency, created_at)
       select ${uid('movement', 'o')}, 'sale', 'payable:instructor', ${uid('instructor', x.instructorOf('k'))},
              ${uid('order', 'o')}, ${uid('order-item', 'o * 3 + i')}, ${uid('payment', 'o')},
              -((${x.price('k')} * ${REVENUE_SHARE_PERCENT}) / 100), 'PKR', ${x.orderAt('o')} + interval '2 minutes'
       from (${x.orderLines(a, b)}) l`,
    ]);
  }

  // Enrollments and their lesson progress, by chunks of students.
  const studentChunk = Math.max(1, Math.min(NS, 10_000));
  for (let a = 1; a <= NS; a += studentChunk) {
    const b = Math.min(NS, a + studentChunk - 1);
    const n = x.progressCount('s', 'e');
    await step(`enrollments, students ${a}-${b}`, [
      `insert into enrollments (id, user_id, course_id, source, source_ref, status, granted_at, last_lesson_id,
                                last_accessed_at, completed_lessons, progress_percent, created_at, updated_at)
       select ${uid('enrollment', '(s - 1) * 10 + e')}, ${uid('student', 's')}, ${uid('course', 'k')},
              src::enrollment_source,
              case when src = 'purchase' then (${uid('order', 'o')})::text when src = 'admin' then (${uid('admin', '1')})::text end,
              'active', granted,
              case when ${n} > 0 then ${uid('lesson', `(k - 1) * ${LESSONS} + ${n} - 1`)} end,
              case when ${n} > 0 then least(${x.at}, granted + ${n} * interval '1 hour') end,
              greatest(${n} - 1, 0), (greatest(${n} - 1, 0) * 100) / ${LESSONS},
              granted, least(${x.at}, granted + ${n} * interval '1 hour')
       from (${x.enrollmentRows(a, b)}) r`,
    ]);
    // Sorted by the primary key, so the index is filled page by page rather than at random.
    await step(`lesson progress, students ${a}-${b}`, [
      `insert into lesson_progress (user_id, lesson_id, course_id, position_seconds, watched_percent, completed_at,
                                    created_at, updated_at)
       select u, ${uid('lesson', `(k - 1) * ${LESSONS} + i`)}, c,
              case when i < last then 0 when ${x.lessonType('i')} = 'video' then 120 else 0 end,
              case when i < last then 100 when ${x.lessonType('i')} = 'video' then 40 else 0 end,
              case when i < last then least(${x.at}, granted + (i + 1) * interval '1 hour') end,
              least(${x.at}, granted + i * interval '1 hour'), least(${x.at}, granted + (i + 1) * interval '1 hour')
       from (select r.*, ${n} - 1 as last, ${uid('student', 's')} as u, ${uid('course', 'k')} as c
             from (${x.enrollmentRows(a, b)}) r) r
            cross join lateral generate_series(0, r.last) i
       order by 1, 2`,
    ]);
  }

  await step('counters', [
    `update courses c set enrollment_count = q.n, updated_at = c.updated_at
     from (select course_id, count(*)::int as n from enrollments where status = 'active' group by course_id) q
     where q.course_id = c.id`,
    `update courses c set duration_minutes = q.m, lesson_count = q.n
     from (select course_id, (sum(duration_seconds) / 60)::int as m, count(*)::int as n from lessons group by course_id) q
     where q.course_id = c.id`,
    `update categories g set course_count = q.n
     from (select category_id, count(*)::int as n from courses where status = 'published' group by category_id) q
     where q.category_id = g.id`,
  ]);
  await raw.query('analyze');
  log('analyze done');
  log(`generated scale ${scale} in ${Math.round((performance.now() - started) / 1000)} s`);
  return manifestOf(raw, scale);
}

// ── CLI ─────────────────────────────────────────────────────────────────────────────────────────────────

async function cli(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = (arg('scale') ?? 'S').toUpperCase();
  if (scale !== 'S' && scale !== 'M' && scale !== 'L') throw new Error('--scale is S, M or L');
  const url = arg('database-url') ?? process.env.DATABASE_URL;
  if (!url) throw new Error('--database-url postgres://… (or DATABASE_URL) is required');
  const manifestFile = arg('manifest');
  const log = (s: string) => console.log(`[bench-data] ${s}`);

  const database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
  try {
    const t = performance.now();
    await runMigrations(database);
    log(`migrations: ${Math.round(performance.now() - t)} ms`);
    const manifest = await generate(database.raw, scale, log);
    log(`counts: ${JSON.stringify(manifest.counts)}`);
    const json = JSON.stringify(manifest);
    if (manifestFile) {
      writeFileSync(manifestFile, `${json}\n`);
      log(`manifest written to ${manifestFile}`);
    } else console.log(json);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
