import { openDatabase } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { createPasswordHasher } from '../../apps/server/src/modules/identity/passwords.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../../apps/server/src/seed/factories.ts';

export const PASSWORD = 'chaos password 123';

export interface Academy {
  students: { id: string; email: string }[];
  courses: { id: string; priceMinor: number }[];
}

/**
 * A small academy written straight into a migrated database with the app's own factories: paid published
 * USD courses (one lesson each) and verified students sharing one password, hashed with the cheap argon2
 * parameters the chaos servers run with (ARGON2_MEMORY_KIB=1024, ARGON2_TIME_COST=1: no rehash on sign-in).
 */
export async function seedAcademy(url: string, o: { students: number; courses: number }): Promise<Academy> {
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
  try {
    await runMigrations(database);
    const db = database.db;
    const hash = await createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }).hash(PASSWORD);
    const instructor = await buildUser(db, { role: 'instructor', passwordHash: hash });
    const courses: Academy['courses'] = [];
    for (let i = 0; i < o.courses; i++) {
      const priceMinor = 1_000 + i * 250;
      const course = await buildCourse(db, {
        instructorId: instructor.id,
        title: `Chaos course ${i + 1}`,
        status: 'published',
        priceMinor,
        currency: 'USD',
      });
      const section = await buildSection(db, { courseId: course.id });
      await buildLesson(db, { sectionId: section.id });
      courses.push({ id: course.id, priceMinor });
    }
    const students: Academy['students'] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < o.students; i++) {
        const u = await buildUser(tx, { email: `buyer${i}@chaos.test`, passwordHash: hash });
        students.push({ id: u.id, email: u.email });
      }
    });
    return { students, courses };
  } finally {
    await database.close();
  }
}
