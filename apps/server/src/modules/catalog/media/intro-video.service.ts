import type { StudioCourse } from '@9tangle/contracts';
import { notFound } from '../../../http/errors.ts';
import type { UploadSource } from '../../../http/uploads.ts';
import { auditRepo } from '../audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from '../catalog.deps.ts';
import { courseViews } from '../course-views.ts';
import { fileSnapshot } from './media.mappers.ts';
import { mediaFilesRepo } from './media-files.repo.ts';
import { type MediaLimits, receiveUpload, recordUpload, removeStored } from './media-store.ts';

type Deps = Pick<CatalogDeps, 'database' | 'clock' | 'cache' | 'storage'> & { limits: MediaLimits };

/**
 * A course's uploaded intro video. It is shown on the public course page instead of the intro video
 * link while it is there (removing it brings the link back); it is public once the course is.
 */
export function createIntroVideoService(d: Deps) {
  const db = d.database.db;
  return {
    /** Upload the intro video, replacing the previous upload. */
    async set(actor: Actor, courseId: string, source: UploadSource): Promise<StudioCourse> {
      await loadEditableCourse(db, actor, courseId);
      const stored = await receiveUpload(d.storage, {
        courseId,
        kind: 'intro_video',
        source,
        limits: d.limits,
      });
      await recordUpload(d.storage, stored, () =>
        db.transaction(async (tx) => {
          const { course } = await loadEditableCourse(tx, actor, courseId, { lock: true });
          const now = d.clock.now();
          const previous = course.introVideoFileId
            ? await mediaFilesRepo.findById(tx, course.introVideoFileId)
            : undefined;
          const file = await mediaFilesRepo.insert(tx, {
            courseId,
            kind: 'intro_video',
            storageKey: stored.key,
            fileName: stored.fileName,
            mime: stored.mime,
            sizeBytes: stored.sizeBytes,
            uploadedBy: actor.id,
            createdAt: now,
          });
          await mediaFilesRepo.setIntroVideoFile(tx, courseId, file.id, now);
          if (previous) await mediaFilesRepo.delete(tx, previous.id);
          await auditRepo.record(
            tx,
            {
              courseId,
              actorId: actor.id,
              action: 'course.intro_video_uploaded',
              before: previous ? fileSnapshot(previous) : null,
              after: fileSnapshot(file),
            },
            now,
          );
          return { result: undefined, replacedKeys: previous ? [previous.storageKey] : [] };
        }),
      );
      await d.cache.bump();
      return courseViews.studio(db, courseId);
    },

    /** Remove the uploaded intro video (the course page shows the link again, if there is one). */
    async remove(actor: Actor, courseId: string): Promise<StudioCourse> {
      const removed = await db.transaction(async (tx) => {
        const { course } = await loadEditableCourse(tx, actor, courseId, { lock: true });
        const file = course.introVideoFileId
          ? await mediaFilesRepo.findById(tx, course.introVideoFileId)
          : undefined;
        if (!file) throw notFound('intro video');
        const now = d.clock.now();
        await mediaFilesRepo.setIntroVideoFile(tx, courseId, null, now);
        await mediaFilesRepo.delete(tx, file.id);
        await auditRepo.record(
          tx,
          { courseId, actorId: actor.id, action: 'course.intro_video_removed', before: fileSnapshot(file) },
          now,
        );
        return file;
      });
      await removeStored(d.storage, [removed.storageKey]);
      await d.cache.bump();
      return courseViews.studio(db, courseId);
    },
  };
}
export type IntroVideoService = ReturnType<typeof createIntroVideoService>;
