import type { AdminCoupon, CouponBody, CouponListQuery } from '@9tangle/contracts';
import type { CouponRow, CouponTargetRow } from '../../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import { isUniqueViolation } from '../../catalog/slug.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { couponsRepo } from './coupons.repo.ts';

const toDto = (c: CouponRow, targets: CouponTargetRow[]): AdminCoupon => ({
  id: c.id,
  code: c.code,
  description: c.description,
  kind: c.kind,
  percentOff: c.percentOff,
  amountOffMinor: c.amountOffMinor,
  currency: c.currency,
  startsAt: c.startsAt?.toISOString() ?? null,
  endsAt: c.endsAt?.toISOString() ?? null,
  maxRedemptions: c.maxRedemptions,
  maxPerUser: c.maxPerUser,
  minOrderMinor: c.minOrderMinor,
  active: c.active,
  redeemedCount: c.redeemedCount,
  targets: targets
    .filter((t) => t.couponId === c.id)
    .map((t) => ({ targetType: t.targetType, targetId: t.targetId })),
  createdAt: c.createdAt.toISOString(),
});

/**
 * Coupons as admins keep them. Codes are unique and upper-case (the contract upper-cases them); the
 * limits are enforced at order creation (ADR 026), the problems shown by the pricing engine.
 */
export function createCouponsService(d: Pick<CommerceDeps, 'database' | 'clock'>) {
  const db = d.database.db;

  async function one(id: string) {
    const row = await couponsRepo.byId(db, id);
    if (!row) throw notFound('coupon');
    return toDto(row, await couponsRepo.targetsOf(db, [id]));
  }

  async function write<T>(body: CouponBody, fn: () => Promise<T>): Promise<T> {
    const missing = await couponsRepo.missingTargets(db, body.targets);
    if (missing.length > 0)
      throw badRequest(
        'validation_failed',
        'Some fields are not valid',
        missing.map((t) => ({
          path: ['targets', String(body.targets.indexOf(t))],
          message: `No such ${t.targetType.replace('_', ' ')}`,
        })),
      );
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('coupon_code_taken', `The code ${body.code} is taken.`);
      throw err;
    }
  }

  return {
    async list(q: CouponListQuery) {
      const { rows, total } = await couponsRepo.page(db, q);
      const targets = await couponsRepo.targetsOf(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => toDto(r, targets)),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
      };
    },
    get: one,
    async create(adminId: string, body: CouponBody) {
      const row = await write(body, () => db.transaction((tx) => couponsRepo.insert(tx, body, adminId)));
      return one(row.id);
    },
    async update(id: string, body: CouponBody) {
      const row = await write(body, () =>
        db.transaction((tx) => couponsRepo.update(tx, id, body, d.clock.now())),
      );
      if (!row) throw notFound('coupon');
      return one(id);
    },
    async deactivate(id: string) {
      if (!(await couponsRepo.deactivate(db, id, d.clock.now()))) throw notFound('coupon');
      return one(id);
    },
  };
}
export type CouponsService = ReturnType<typeof createCouponsService>;
