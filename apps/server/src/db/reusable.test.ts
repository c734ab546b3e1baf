import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { reusable } from './reusable.ts';
import { categories } from './schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Runs on whichever driver the suite runs on: PGlite by default, PostgreSQL in CI's second pass. */
describe('a statement built once and run on the database or in a transaction', () => {
  let builds = 0;
  const categoryNamed = reusable((x) => {
    builds += 1;
    return x
      .select({ id: categories.id, name: categories.name })
      .from(categories)
      .where(eq(categories.slug, sql.placeholder('slug')))
      .prepare('test_category_by_slug');
  });

  it('sees the transaction’s own uncommitted rows inside it, and none of them after its rollback', async () => {
    const db = t.platform.database.db;
    const slug = `reusable-${Date.now()}`;
    expect(await categoryNamed(db).execute({ slug })).toEqual([]);
    const rolledBack = new Error('roll back');
    await expect(
      db.transaction(async (tx) => {
        const [made] = await tx.insert(categories).values({ slug, name: 'Inside' }).returning();
        // Run on the transaction's connection: it sees the row no other connection can see yet.
        expect(await categoryNamed(tx).execute({ slug })).toEqual([{ id: made?.id, name: 'Inside' }]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await categoryNamed(db).execute({ slug })).toEqual([]);
    await db.insert(categories).values({ slug, name: 'Committed' });
    expect(await categoryNamed(db).execute({ slug })).toMatchObject([{ name: 'Committed' }]);
    // Built once for the driver, whatever ran it.
    expect(builds).toBe(1);
  });
});
