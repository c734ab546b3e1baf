import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import type { Storage } from '../platform/storage.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
import { seedDemoCommerceSettings } from './demo-commerce-settings.ts';
import { seedDemoContent } from './demo-content.ts';
import { seedDemoHighlights } from './demo-highlights.ts';
import { seedDemoLearning } from './demo-learning.ts';
import { seedDemoManualAccounts } from './demo-manual-accounts.ts';
import { seedDemoMedia } from './demo-media.ts';
import { seedDemoShop } from './demo-shop.ts';
import { buildUser } from './factories.ts';

const INSTRUCTORS = [
  { name: 'Ayesha Khan', email: 'ayesha.khan@demo.9tangle.local' },
  { name: 'Daniel Okafor', email: 'daniel.okafor@demo.9tangle.local' },
];
const STUDENTS = ['Bilal Ahmed', 'Sara Malik', 'Lucía Fernández', 'Hamza Raza', 'Mei Chen', 'Omar Siddiqui'];

/**
 * The demo academy (people, the catalog of `demo-catalog.ts` and the files and daily videos of
 * `demo-media.ts`), seeded once on an empty database
 * (never in production). Demo people have no password: nobody can sign in as them; the admin sets up
 * their own account with the setup link.
 */
export async function seedDemo(
  db: Db,
  o: { storage: Storage; timeZone: string; now?: Date },
): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.role} <> 'admin'`);
  if ((row?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const instructors = [];
    const students = [];
    for (const i of INSTRUCTORS) instructors.push(await buildUser(tx, { role: 'instructor', ...i }));
    for (const name of STUDENTS) {
      const email = `${name
        .normalize('NFD')
        .replace(/[^\w\s]/g, '')
        .toLowerCase()
        .replace(/\s+/g, '.')}@demo.9tangle.local`;
      students.push(await buildUser(tx, { role: 'student', name, email }));
    }
    await seedDemoCatalog(tx, instructors);
    await seedDemoLearning(tx, [...instructors, ...students]);
    const lead = instructors[0];
    if (!lead) throw new Error('seedDemo: no demo instructor');
    await seedDemoMedia(tx, { ...o, now: o.now ?? new Date(), instructorId: lead.id });
    await seedDemoCommerceSettings(tx);
    await seedDemoShop(tx, { storage: o.storage, now: o.now ?? new Date() });
    await seedDemoManualAccounts(tx);
    await seedDemoContent(tx);
    await seedDemoHighlights(tx, o.now ?? new Date());
  });
  return true;
}
