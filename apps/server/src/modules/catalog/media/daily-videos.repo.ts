import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { courseDailyVideos, type DailyVideoRow } from '../../../db/schema/index.ts';

export type DailyVideoInsert = typeof courseDailyVideos.$inferInsert;

/** A course's dated video links, as the studio edits them. */
export const dailyVideosRepo = {
  /** Every one of the course, latest day first (the newest of a day first). */
  async list(x: Executor, courseId: string): Promise<DailyVideoRow[]> {
    return x
      .select()
      .from(courseDailyVideos)
      .where(eq(courseDailyVideos.courseId, courseId))
      .orderBy(desc(courseDailyVideos.day), desc(courseDailyVideos.createdAt), asc(courseDailyVideos.title))
      .limit(2000);
  },
  async find(x: Executor, courseId: string, id: string): Promise<DailyVideoRow | undefined> {
    const [row] = await x
      .select()
      .from(courseDailyVideos)
      .where(and(eq(courseDailyVideos.id, id), eq(courseDailyVideos.courseId, courseId)))
      .limit(1);
    return row;
  },
  async insert(x: Executor, values: DailyVideoInsert): Promise<DailyVideoRow> {
    const [row] = await x.insert(courseDailyVideos).values(values).returning();
    return row as DailyVideoRow;
  },
  async update(x: Executor, id: string, values: Partial<DailyVideoInsert>): Promise<DailyVideoRow> {
    const [row] = await x
      .update(courseDailyVideos)
      .set(values)
      .where(eq(courseDailyVideos.id, id))
      .returning();
    return row as DailyVideoRow;
  },
  async delete(x: Executor, id: string): Promise<void> {
    await x.delete(courseDailyVideos).where(eq(courseDailyVideos.id, id));
  },
};
