import type { CouponBody, CouponListQuery } from '@9tangle/contracts';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  type CouponRow,
  categories,
  coupons,
  couponTargets,
  courses,
  productCategories,
  products,
} from '../../../db/schema/index.ts';

type Target = CouponBody['targets'][number];
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const values = (b: CouponBody) => ({
  code: b.code,
  description: b.description,
  kind: b.kind,
  percentOff: b.kind === 'percent' ? b.percentOff : null,
  amountOffMinor: b.kind === 'fixed' ? b.amountOffMinor : null,
  currency: b.currency,
  startsAt: b.startsAt ? new Date(b.startsAt) : null,
  endsAt: b.endsAt ? new Date(b.endsAt) : null,
  maxRedemptions: b.maxRedemptions,
  maxPerUser: b.maxPerUser,
  minOrderMinor: b.minOrderMinor,
  active: b.active,
});

export const couponsRepo = {
  async page(x: Executor, q: CouponListQuery): Promise<{ rows: CouponRow[]; total: number }> {
    const where: SQL[] = [];
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`;
      const match = or(ilike(coupons.code, like), ilike(coupons.description, like));
      if (match) where.push(match);
    }
    if (q.active) where.push(eq(coupons.active, q.active === 'true'));
    const cond = where.length > 0 ? and(...where) : undefined;
    const [rows, [total]] = await Promise.all([
      x
        .select()
        .from(coupons)
        .where(cond)
        .orderBy(desc(coupons.createdAt), desc(coupons.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(coupons).where(cond),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  async byId(x: Executor, id: string): Promise<CouponRow | null> {
    const [row] = await x.select().from(coupons).where(eq(coupons.id, id)).limit(1);
    return row ?? null;
  },

  async targetsOf(x: Executor, ids: string[]) {
    if (ids.length === 0) return [];
    return x.select().from(couponTargets).where(inArray(couponTargets.couponId, ids));
  },

  /** The targets that name no row of their table. */
  async missingTargets(x: Executor, targets: Target[]): Promise<Target[]> {
    const tables = {
      course: courses,
      product: products,
      course_category: categories,
      product_category: productCategories,
    } as const;
    const missing: Target[] = [];
    for (const type of Object.keys(tables) as (keyof typeof tables)[]) {
      const ids = targets.filter((t) => t.targetType === type).map((t) => t.targetId);
      if (ids.length === 0) continue;
      const table = tables[type];
      const found = new Set(
        (await x.select({ id: table.id }).from(table).where(inArray(table.id, ids))).map((r) => r.id),
      );
      missing.push(...targets.filter((t) => t.targetType === type && !found.has(t.targetId)));
    }
    return missing;
  },

  async insert(x: Executor, b: CouponBody, createdBy: string): Promise<CouponRow> {
    const [row] = await x
      .insert(coupons)
      .values({ ...values(b), createdBy })
      .returning();
    if (!row) throw new Error('couponsRepo.insert: no row');
    await this.replaceTargets(x, row.id, b.targets);
    return row;
  },

  async update(x: Executor, id: string, b: CouponBody, now: Date): Promise<CouponRow | null> {
    const [row] = await x
      .update(coupons)
      .set({ ...values(b), updatedAt: now })
      .where(eq(coupons.id, id))
      .returning();
    if (!row) return null;
    await this.replaceTargets(x, row.id, b.targets);
    return row;
  },

  async deactivate(x: Executor, id: string, now: Date): Promise<CouponRow | null> {
    const [row] = await x
      .update(coupons)
      .set({ active: false, updatedAt: now })
      .where(eq(coupons.id, id))
      .returning();
    return row ?? null;
  },

  async replaceTargets(x: Executor, couponId: string, targets: Target[]) {
    await x.delete(couponTargets).where(eq(couponTargets.couponId, couponId));
    const unique = [...new Map(targets.map((t) => [`${t.targetType}:${t.targetId}`, t])).values()];
    if (unique.length > 0) await x.insert(couponTargets).values(unique.map((t) => ({ couponId, ...t })));
  },
};
