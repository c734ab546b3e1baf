import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { courses, lessons, type MediaFileRow, mediaFiles } from '../../../db/schema/index.ts';

export type MediaFileInsert = typeof mediaFiles.$inferInsert;

/** Rows of stored course files. The bytes are the service's business (storage), never this file's. */
export const mediaFilesRepo = {
  async insert(x: Executor, values: MediaFileInsert): Promise<MediaFileRow> {
    const [row] = await x.insert(mediaFiles).values(values).returning();
    return row as MediaFileRow;
  },
  async findById(x: Executor, id: string): Promise<MediaFileRow | undefined> {
    const [row] = await x.select().from(mediaFiles).where(eq(mediaFiles.id, id)).limit(1);
    return row;
  },
  /** The lesson's own file (its `media_file_id`) and its resources, in one query. */
  async ofLesson(x: Executor, lessonId: string): Promise<MediaFileRow[]> {
    return x
      .select()
      .from(mediaFiles)
      .where(
        and(
          eq(mediaFiles.lessonId, lessonId),
          or(
            eq(mediaFiles.kind, 'resource'),
            sql`${mediaFiles.id} = (select ${lessons.mediaFileId} from ${lessons} where ${lessons.id} = ${lessonId})`,
          ),
        ),
      )
      .orderBy(asc(mediaFiles.position), asc(mediaFiles.createdAt));
  },
  async resourceIds(x: Executor, lessonId: string): Promise<string[]> {
    const rows = await x
      .select({ id: mediaFiles.id })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.lessonId, lessonId), eq(mediaFiles.kind, 'resource')))
      .orderBy(asc(mediaFiles.position), asc(mediaFiles.createdAt));
    return rows.map((r) => r.id);
  },
  async setTitle(x: Executor, id: string, title: string): Promise<void> {
    await x.update(mediaFiles).set({ title }).where(eq(mediaFiles.id, id));
  },
  /** Set positions to the order of `ids` (0..n-1) in one statement. */
  async setPositions(x: Executor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const array = sql`array[${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]`;
    await x.execute(sql`update ${mediaFiles} as m set position = o.ord - 1
      from unnest(${array}) with ordinality as o(id, ord) where m.id = o.id`);
  },
  async delete(x: Executor, id: string): Promise<void> {
    await x.delete(mediaFiles).where(eq(mediaFiles.id, id));
  },
  async setLessonFile(x: Executor, lessonId: string, fileId: string | null, now: Date): Promise<void> {
    await x.update(lessons).set({ mediaFileId: fileId, updatedAt: now }).where(eq(lessons.id, lessonId));
  },
  async setIntroVideoFile(x: Executor, courseId: string, fileId: string | null, now: Date): Promise<void> {
    await x.update(courses).set({ introVideoFileId: fileId, updatedAt: now }).where(eq(courses.id, courseId));
  },
  /** Storage keys of every file of these lessons: read before the lessons go (rows cascade, bytes do not). */
  async keysOfLessons(x: Executor, lessonIds: string[]): Promise<string[]> {
    if (lessonIds.length === 0) return [];
    const rows = await x
      .select({ key: mediaFiles.storageKey })
      .from(mediaFiles)
      .where(inArray(mediaFiles.lessonId, lessonIds));
    return rows.map((r) => r.key);
  },
};
