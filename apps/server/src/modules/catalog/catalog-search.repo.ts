import type { CatalogQuery } from '@9tangle/contracts';
import { and, count, eq, gt, gte, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { categories, courseInstructors, courses, instructorProfiles } from '../../db/schema/index.ts';
import { type CourseWithCategory, withCategory } from './courses.repo.ts';

const published = eq(courses.status, 'published');

/**
 * The public catalog's queries: published courses only, filtered and sorted in SQL. Full-text search
 * goes through the generated `search` column and its GIN index.
 */
export const catalogSearchRepo = {
  /**
   * One page of the catalog: by offset (`page`), or by keyset when `after` holds the sort key values of
   * the previous page's last row. One more row than asked is read, so `lastKeys` is set only when
   * another page follows.
   */
  async search(
    x: Executor,
    q: CatalogQuery,
    after: (string | null)[] | null = null,
  ): Promise<{ items: CourseWithCategory[]; total: number; lastKeys: (string | null)[] | null }> {
    const tsq = q.q ? sql`websearch_to_tsquery('simple', ${q.q})` : null;
    const keys = sortKeysOf(q, tsq);
    const where: SQL | undefined = and(
      published,
      tsq ? sql`${courses.search} @@ ${tsq}` : undefined,
      q.category ? eq(categories.slug, q.category) : undefined,
      q.level ? eq(courses.level, q.level) : undefined,
      q.price === 'free'
        ? eq(courses.priceMinor, 0)
        : q.price === 'paid'
          ? gt(courses.priceMinor, 0)
          : undefined,
      q.minRating !== undefined ? gte(courses.ratingAvg, String(q.minRating)) : undefined,
      q.language ? eq(courses.language, q.language) : undefined,
      q.instructor
        ? sql`exists (select 1 from ${courseInstructors} join ${instructorProfiles} on ${instructorProfiles.userId} = ${courseInstructors.userId} where ${courseInstructors.courseId} = ${courses.id} and ${instructorProfiles.slug} = ${q.instructor})`
        : undefined,
    );
    // The key values as SQL text, so the next cursor compares exactly what PostgreSQL sorted on.
    const keyText = sql<string>`json_build_array(${sql.join(
      keys.map((k) => sql`(${k.expr})::text`),
      sql`, `,
    )})::text`;
    const [rows, [total]] = await Promise.all([
      x
        .select({ ...withCategory, sortKeys: keyText })
        .from(courses)
        .leftJoin(categories, eq(categories.id, courses.categoryId))
        .where(after ? and(where, afterKeys(keys, after)) : where)
        .orderBy(...keys.map((k) => sql`${k.expr} ${sql.raw(k.desc ? 'desc' : 'asc')} nulls last`))
        .limit(q.limit + 1)
        .offset(after ? 0 : (q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(courses)
        .leftJoin(categories, eq(categories.id, courses.categoryId))
        .where(where),
    ]);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const lastKeys = rows.length > q.limit && last ? (JSON.parse(last.sortKeys) as (string | null)[]) : null;
    return { items: page.map(({ sortKeys: _k, ...course }) => course), total: total?.n ?? 0, lastKeys };
  },

  /** An instructor's published courses, newest first. */
  async publishedByInstructor(x: Executor, userId: string): Promise<CourseWithCategory[]> {
    return x
      .select(withCategory)
      .from(courses)
      .innerJoin(courseInstructors, eq(courseInstructors.courseId, courses.id))
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(and(published, eq(courseInstructors.userId, userId)))
      .orderBy(sql`${courses.publishedAt} desc nulls last`, sql`${courses.id} desc`)
      .limit(200);
  },

  /** What the sitemap lists: published courses, and instructors with at least one, with last changes. */
  async sitemap(x: Executor) {
    const [courseRows, instructorRows] = await Promise.all([
      x
        .select({ slug: courses.slug, updatedAt: courses.updatedAt })
        .from(courses)
        .where(published)
        .orderBy(sql`${courses.publishedAt} desc nulls last`)
        .limit(45_000),
      x
        .select({ slug: instructorProfiles.slug, updatedAt: max(courses.updatedAt) })
        .from(instructorProfiles)
        .innerJoin(courseInstructors, eq(courseInstructors.userId, instructorProfiles.userId))
        .innerJoin(courses, eq(courses.id, courseInstructors.courseId))
        .where(published)
        .groupBy(instructorProfiles.slug)
        .limit(5_000),
    ]);
    return { courses: courseRows, instructors: instructorRows };
  },
};

/** One column of a catalog order: how it sorts and, for keyset comparisons, its SQL type. */
interface SortKey {
  expr: SQL;
  desc: boolean;
  nullable: boolean;
  type: 'timestamptz' | 'integer' | 'numeric' | 'real' | 'uuid';
}

/**
 * The ORDER BY of a catalog query, every sort ending in the publication date and the id, so the order
 * is total (ties on the sort key still page stably) and a keyset cursor can name a position in it.
 * Relevance sorts on `ts_rank` (a `real`); its text form reads back as the same `real`, so it pages
 * by keyset like the others.
 */
export function sortKeysOf(q: CatalogQuery, tsq: SQL | null): SortKey[] {
  const newest: SortKey = {
    expr: sql`${courses.publishedAt}`,
    desc: true,
    nullable: true,
    type: 'timestamptz',
  };
  const tie: SortKey = { expr: sql`${courses.id}`, desc: true, nullable: false, type: 'uuid' };
  const int = (expr: SQL, desc: boolean): SortKey => ({ expr, desc, nullable: false, type: 'integer' });
  switch (resolvedSort(q)) {
    case 'relevance':
      return tsq
        ? [
            { expr: sql`ts_rank(${courses.search}, ${tsq})`, desc: true, nullable: false, type: 'real' },
            newest,
            tie,
          ]
        : [newest, tie];
    case 'popular':
      return [int(sql`${courses.enrollmentCount}`, true), newest, tie];
    case 'rating':
      return [
        { expr: sql`${courses.ratingAvg}`, desc: true, nullable: true, type: 'numeric' },
        int(sql`${courses.ratingCount}`, true),
        newest,
        tie,
      ];
    case 'price_asc':
      return [int(sql`${courses.priceMinor}`, false), newest, tie];
    case 'price_desc':
      return [int(sql`${courses.priceMinor}`, true), newest, tie];
    default:
      return [newest, tie];
  }
}

/** How many values a cursor of this query holds. */
export const sortKeyCount = (q: CatalogQuery) => sortKeysOf(q, q.q ? sql`true` : null).length;

/** The sort a query uses: relevance when searching and none was asked for, else newest. */
export const resolvedSort = (q: CatalogQuery) => q.sort ?? (q.q ? 'relevance' : 'newest');

/**
 * Rows strictly after the position `values` in the order of `keys` (nulls last):
 * (k1 after v1) or (k1 = v1 and k2 after v2) or …
 */
function afterKeys(keys: SortKey[], values: (string | null)[]): SQL {
  const typed = (k: SortKey, v: string) => sql`${v}::${sql.raw(k.type)}`;
  const equal = (k: SortKey, v: string | null) =>
    v === null ? sql`${k.expr} is null` : sql`${k.expr} = ${typed(k, v)}`;
  const beyond = (k: SortKey, v: string | null): SQL => {
    // Nulls sort last: nothing comes after a null but other nulls, which the next key orders.
    if (v === null) return sql`false`;
    const strict = k.desc ? sql`${k.expr} < ${typed(k, v)}` : sql`${k.expr} > ${typed(k, v)}`;
    return k.nullable ? sql`(${strict} or ${k.expr} is null)` : strict;
  };
  const branches = keys.map((k, i) => {
    const before = keys.slice(0, i).map((prev, j) => equal(prev, values[j] ?? null));
    return sql`(${sql.join([...before, beyond(k, values[i] ?? null)], sql` and `)})`;
  });
  return sql`(${sql.join(branches, sql` or `)})`;
}
