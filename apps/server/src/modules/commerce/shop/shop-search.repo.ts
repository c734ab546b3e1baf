import type { ShopQuery } from '@9tangle/contracts';
import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { productCategories, products } from '../../../db/schema/index.ts';
import { type ProductWithCategory, toWithCategory, withCategory } from './products.repo.ts';

/** One column of a shop order: how it sorts and, for keyset comparisons, its SQL type. */
interface SortKey {
  expr: SQL;
  desc: boolean;
  nullable: boolean;
  type: 'timestamptz' | 'integer' | 'numeric' | 'uuid';
}

/**
 * The ORDER BY of a shop query. Every sort ends in the creation time and the id, so the order is total
 * and a keyset cursor names one position in it (as the catalog's, ADR 021).
 */
export function shopSortKeys(q: Pick<ShopQuery, 'sort'>): SortKey[] {
  const newest: SortKey = {
    expr: sql`${products.createdAt}`,
    desc: true,
    nullable: false,
    type: 'timestamptz',
  };
  const tie: SortKey = { expr: sql`${products.id}`, desc: true, nullable: false, type: 'uuid' };
  const price = (desc: boolean): SortKey => ({
    expr: sql`${products.priceMinor}`,
    desc,
    nullable: false,
    type: 'integer',
  });
  switch (q.sort) {
    case 'price_asc':
      return [price(false), newest, tie];
    case 'price_desc':
      return [price(true), newest, tie];
    case 'rating':
      return [
        { expr: sql`${products.ratingAvg}`, desc: true, nullable: true, type: 'numeric' },
        { expr: sql`${products.ratingCount}`, desc: true, nullable: false, type: 'integer' },
        newest,
        tie,
      ];
    default:
      return [newest, tie];
  }
}

/** Rows strictly after the position `values` in the order of `keys` (nulls last). */
function afterKeys(keys: SortKey[], values: (string | null)[]): SQL {
  const typed = (k: SortKey, v: string) => sql`${v}::${sql.raw(k.type)}`;
  const equal = (k: SortKey, v: string | null) =>
    v === null ? sql`${k.expr} is null` : sql`${k.expr} = ${typed(k, v)}`;
  const beyond = (k: SortKey, v: string | null): SQL => {
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

/** The public shop's query: active products only, filtered and sorted in SQL. */
export const shopSearchRepo = {
  /**
   * One page of active products, by offset (`page`) or after the keyset `after`. One more row than
   * asked is read, so `lastKeys` is set only when another page follows.
   */
  async search(
    x: Executor,
    q: ShopQuery,
    after: (string | null)[] | null,
  ): Promise<{ items: ProductWithCategory[]; total: number; lastKeys: (string | null)[] | null }> {
    const keys = shopSortKeys(q);
    const where = and(
      eq(products.status, 'active'),
      q.q ? sql`${products.search} @@ websearch_to_tsquery('simple', ${q.q})` : undefined,
      q.category ? eq(productCategories.slug, q.category) : undefined,
      q.type ? eq(products.type, q.type) : undefined,
    );
    const keyText = sql<string>`json_build_array(${sql.join(
      keys.map((k) => sql`(${k.expr})::text`),
      sql`, `,
    )})::text`;
    const [rows, [total]] = await Promise.all([
      x
        .select({ ...withCategory, sortKeys: keyText })
        .from(products)
        .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
        .where(after ? and(where, afterKeys(keys, after)) : where)
        .orderBy(...keys.map((k) => sql`${k.expr} ${sql.raw(k.desc ? 'desc' : 'asc')} nulls last`))
        .limit(q.limit + 1)
        .offset(after ? 0 : (q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(products)
        .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
        .where(where),
    ]);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const lastKeys = rows.length > q.limit && last ? (JSON.parse(last.sortKeys) as (string | null)[]) : null;
    return {
      items: page.map(({ sortKeys: _k, ...row }) => toWithCategory(row)),
      total: total?.n ?? 0,
      lastKeys,
    };
  },
};
