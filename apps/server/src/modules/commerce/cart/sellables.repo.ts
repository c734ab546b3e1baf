import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reusable } from '../../../db/reusable.ts';
import { type CourseRow, courses, enrollments, type ProductRow, products } from '../../../db/schema/index.ts';

export type ItemType = 'course' | 'product';
export interface ItemRef {
  itemType: ItemType;
  itemId: string;
}

/** What the cart needs to know about a course or product, read from its table (never from a request). */
export interface Sellable extends ItemRef {
  title: string;
  slug: string;
  priceMinor: number;
  currency: string;
  /** A published course or an active product. */
  isListed: boolean;
  isPhysical: boolean;
  /** Physical goods' units on hand; null when not tracked. */
  stock: number | null;
  weightGrams: number | null;
  categoryId: string | null;
}

export const refKey = (r: ItemRef) => `${r.itemType}:${r.itemId}`;

/**
 * The columns of a course and of a product that the cart and its pricing read: not the descriptions,
 * the search vector or the counters (a cart read of whole rows sent and parsed ~70 columns a line).
 */
export const courseSellableColumns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  priceMinor: courses.priceMinor,
  currency: courses.currency,
  status: courses.status,
  categoryId: courses.categoryId,
};
export const productSellableColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  type: products.type,
  status: products.status,
  priceMinor: products.priceMinor,
  currency: products.currency,
  stock: products.stock,
  weightGrams: products.weightGrams,
  categoryId: products.categoryId,
};
export type CourseSellableRow = Pick<CourseRow, keyof typeof courseSellableColumns>;
export type ProductSellableRow = Pick<ProductRow, keyof typeof productSellableColumns>;

/** A course as the cart sees it. */
export function courseSellable(c: CourseSellableRow): Sellable {
  return {
    itemType: 'course',
    itemId: c.id,
    title: c.title,
    slug: c.slug,
    priceMinor: c.priceMinor,
    currency: c.currency,
    isListed: c.status === 'published',
    isPhysical: false,
    stock: null,
    weightGrams: null,
    categoryId: c.categoryId,
  };
}

/** A product as the cart sees it. */
export function productSellable(p: ProductSellableRow): Sellable {
  return {
    itemType: 'product',
    itemId: p.id,
    title: p.name,
    slug: p.slug,
    priceMinor: p.priceMinor,
    currency: p.currency,
    isListed: p.status === 'active',
    isPhysical: p.type === 'physical',
    stock: p.type === 'physical' ? p.stock : null,
    weightGrams: p.type === 'physical' ? p.weightGrams : null,
    categoryId: p.categoryId,
  };
}

const activeCourseIdsOn = reusable((x) =>
  x
    .select({ courseId: enrollments.courseId })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.userId, sql.placeholder('userId')),
        sql`${enrollments.courseId} = any(${sql.placeholder('courseIds')}::uuid[])`,
        eq(enrollments.status, 'active'),
        or(isNull(enrollments.expiresAt), gt(enrollments.expiresAt, sql.placeholder('now'))),
      ),
    )
    .prepare('active_course_ids'),
);

/** Courses and products by id, keyed by `refKey`; unknown ids are simply absent. */
export const sellablesRepo = {
  async byRefs(x: Executor, refs: ItemRef[]): Promise<Map<string, Sellable>> {
    const courseIds = [...new Set(refs.filter((r) => r.itemType === 'course').map((r) => r.itemId))];
    const productIds = [...new Set(refs.filter((r) => r.itemType === 'product').map((r) => r.itemId))];
    const [cs, ps] = await Promise.all([
      courseIds.length === 0
        ? []
        : x.select(courseSellableColumns).from(courses).where(inArray(courses.id, courseIds)),
      productIds.length === 0
        ? []
        : x.select(productSellableColumns).from(products).where(inArray(products.id, productIds)),
    ]);
    const out = new Map<string, Sellable>();
    for (const c of cs) out.set(`course:${c.id}`, courseSellable(c));
    for (const p of ps) out.set(`product:${p.id}`, productSellable(p));
    return out;
  },

  /** Of these courses, the ones the user has active access to now (not revoked, not expired). */
  async activeCourseIds(x: Executor, userId: string, courseIds: string[], now: Date): Promise<Set<string>> {
    if (courseIds.length === 0) return new Set();
    const rows = await activeCourseIdsOn(x).execute({ userId, courseIds, now });
    return new Set(rows.map((r) => r.courseId));
  },
};
