import { randomUUID } from 'node:crypto';
import type { StudioCourse } from '@9tangle/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, notFound } from '../../http/errors.ts';
import { auditRepo } from './audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from './catalog.deps.ts';
import { courseViews } from './course-views.ts';
import { coursesRepo } from './courses.repo.ts';

export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
const THUMBNAIL_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
const NAME = /^[0-9a-f-]{36}\.(jpg|png|webp)$/;

/** Course thumbnails: checked by their bytes, stored under `thumbnails/` with a random name. */
export function createThumbnailsService(d: Pick<CatalogDeps, 'database' | 'clock' | 'cache' | 'storage'>) {
  const db = d.database.db;
  return {
    /**
     * Refuse (404) a caller who may not edit the course, before the route reads an upload: a 400 about
     * the file must not tell another instructor that the course exists.
     */
    async assertEditable(actor: Actor, courseId: string): Promise<void> {
      await loadEditableCourse(db, actor, courseId);
    },
    /** Replace the course's thumbnail (the old file is removed once the new one is recorded). */
    async set(actor: Actor, courseId: string, data: Buffer): Promise<StudioCourse> {
      await loadEditableCourse(db, actor, courseId);
      const type = await fileTypeFromBuffer(data);
      const ext = type ? THUMBNAIL_TYPES[type.mime] : undefined;
      if (!ext) throw badRequest('invalid_image', 'Upload a JPEG, PNG or WebP image.');
      const name = `${randomUUID()}.${ext}`;
      await d.storage.put(`thumbnails/${name}`, data);
      const previous = await db
        .transaction(async (tx) => {
          const { course } = await loadEditableCourse(tx, actor, courseId, { lock: true });
          const now = d.clock.now();
          await coursesRepo.update(tx, courseId, { thumbnailKey: name, updatedAt: now });
          await auditRepo.record(
            tx,
            {
              courseId,
              actorId: actor.id,
              action: 'course.thumbnail_changed',
              before: { thumbnailKey: course.thumbnailKey },
              after: { thumbnailKey: name },
            },
            now,
          );
          return course.thumbnailKey;
        })
        .catch(async (err: unknown) => {
          // The course was not changed: the new file belongs to nothing.
          await d.storage.delete(`thumbnails/${name}`);
          throw err;
        });
      if (previous) await d.storage.delete(`thumbnails/${previous}`);
      await d.cache.bump();
      return courseViews.studio(db, courseId);
    },

    /** The bytes and type of a stored thumbnail; any other name is 404. */
    async read(name: string): Promise<{ data: Buffer; mime: string }> {
      const ext = name.split('.').pop() ?? '';
      const mime = Object.entries(THUMBNAIL_TYPES).find(([, e]) => e === ext)?.[0];
      if (!mime || !NAME.test(name)) throw notFound('file');
      const data = await d.storage.get(`thumbnails/${name}`);
      if (!data) throw notFound('file');
      return { data, mime };
    },
  };
}
export type ThumbnailsService = ReturnType<typeof createThumbnailsService>;
