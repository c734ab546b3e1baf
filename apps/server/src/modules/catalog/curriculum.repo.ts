import { asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { courseSections, type LessonRow, lessons, type SectionRow } from '../../db/schema/index.ts';

/** What the public outline may show of a lesson: never its content or its video. */
export const lessonOutlineColumns = {
  id: lessons.id,
  sectionId: lessons.sectionId,
  title: lessons.title,
  type: lessons.type,
  durationSeconds: lessons.durationSeconds,
  isPreview: lessons.isPreview,
  position: lessons.position,
};
export type LessonOutlineRow = { [K in keyof typeof lessonOutlineColumns]: LessonRow[K] };

/** Queries on sections and lessons. Positions are dense (0..n-1); the service keeps them so. */
export const curriculumRepo = {
  async findSection(x: Executor, id: string): Promise<SectionRow | undefined> {
    const [row] = await x.select().from(courseSections).where(eq(courseSections.id, id)).limit(1);
    return row;
  },
  async listSections(x: Executor, courseId: string): Promise<SectionRow[]> {
    return x
      .select()
      .from(courseSections)
      .where(eq(courseSections.courseId, courseId))
      .orderBy(asc(courseSections.position), asc(courseSections.createdAt));
  },
  async insertSection(x: Executor, values: typeof courseSections.$inferInsert): Promise<SectionRow> {
    const [row] = await x.insert(courseSections).values(values).returning();
    return row as SectionRow;
  },
  async updateSection(x: Executor, id: string, values: Partial<typeof courseSections.$inferInsert>) {
    const [row] = await x.update(courseSections).set(values).where(eq(courseSections.id, id)).returning();
    return row as SectionRow;
  },
  async deleteSection(x: Executor, id: string): Promise<void> {
    await x.delete(courseSections).where(eq(courseSections.id, id));
  },
  /** Set positions to the order of `ids` (0..n-1) in one statement. */
  async setSectionPositions(x: Executor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await x.execute(sql`update ${courseSections} as s set position = o.ord - 1
      from unnest(${uuidArray(ids)}) with ordinality as o(id, ord) where s.id = o.id`);
  },

  async findLesson(x: Executor, id: string): Promise<LessonRow | undefined> {
    const [row] = await x.select().from(lessons).where(eq(lessons.id, id)).limit(1);
    return row;
  },
  /** The outline of a whole course (no content), in section then lesson order. */
  async outline(x: Executor, courseId: string): Promise<LessonOutlineRow[]> {
    return x
      .select(lessonOutlineColumns)
      .from(lessons)
      .where(eq(lessons.courseId, courseId))
      .orderBy(asc(lessons.position), asc(lessons.createdAt));
  },
  async listLessonIds(x: Executor, sectionId: string): Promise<string[]> {
    const rows = await x
      .select({ id: lessons.id })
      .from(lessons)
      .where(eq(lessons.sectionId, sectionId))
      .orderBy(asc(lessons.position), asc(lessons.createdAt));
    return rows.map((r) => r.id);
  },
  async countLessons(x: Executor, where: { sectionId: string } | { courseId: string }): Promise<number> {
    const cond =
      'sectionId' in where ? eq(lessons.sectionId, where.sectionId) : eq(lessons.courseId, where.courseId);
    const [row] = await x.select({ n: count() }).from(lessons).where(cond);
    return row?.n ?? 0;
  },
  async insertLesson(x: Executor, values: typeof lessons.$inferInsert): Promise<LessonRow> {
    const [row] = await x.insert(lessons).values(values).returning();
    return row as LessonRow;
  },
  async updateLesson(x: Executor, id: string, values: Partial<typeof lessons.$inferInsert>) {
    const [row] = await x.update(lessons).set(values).where(eq(lessons.id, id)).returning();
    return row as LessonRow;
  },
  async deleteLesson(x: Executor, id: string): Promise<void> {
    await x.delete(lessons).where(eq(lessons.id, id));
  },
  async setLessonPositions(x: Executor, sectionId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await x.execute(sql`update ${lessons} as l set position = o.ord - 1
      from unnest(${uuidArray(ids)}) with ordinality as o(id, ord)
      where l.id = o.id and l.section_id = ${sectionId}`);
  },
  async sectionIdsOf(x: Executor, courseId: string): Promise<string[]> {
    const rows = await x
      .select({ id: courseSections.id })
      .from(courseSections)
      .where(eq(courseSections.courseId, courseId))
      .orderBy(asc(courseSections.position));
    return rows.map((r) => r.id);
  },
};

/** `array[$1, $2, …]::uuid[]`, each id a bound parameter. */
const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
