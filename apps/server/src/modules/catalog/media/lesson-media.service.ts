import type { StudioLessonMedia, UploadLimits } from '@9tangle/contracts';
import type { Executor, Tx } from '../../../db/client.ts';
import type { LessonRow } from '../../../db/schema/index.ts';
import { conflict, notFound } from '../../../http/errors.ts';
import type { UploadSource } from '../../../http/uploads.ts';
import { auditRepo } from '../audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from '../catalog.deps.ts';
import { checkSameSet } from '../course-fields.ts';
import { curriculumRepo } from '../curriculum.repo.ts';
import { fileSnapshot, toMediaFileDto } from './media.mappers.ts';
import { mediaFilesRepo } from './media-files.repo.ts';
import { type MediaLimits, receiveUpload, recordUpload, removeStored } from './media-store.ts';
import { TEXT_MAX_BYTES } from './media-types.ts';

type Deps = Pick<CatalogDeps, 'database' | 'clock' | 'storage' | 'cache'> & { limits: MediaLimits };

/** The kind of a lesson's own file: video lessons have a video, PDF lessons a PDF, others none. */
function fileKindOf(lesson: LessonRow): 'video' | 'pdf' {
  if (lesson.type === 'video' || lesson.type === 'pdf') return lesson.type;
  throw conflict('wrong_lesson_type', 'Only video and PDF lessons have a file of their own; add a resource.');
}

/**
 * A lesson's uploaded files in the studio, for the course's instructors and admins: the lesson's
 * video or PDF (upload, replace, remove) and its downloadable resources (upload, rename, reorder,
 * delete). Every change is written to the course's audit trail in its transaction; the bytes of a
 * replaced or removed file are deleted once that transaction has committed.
 */
export function createLessonMediaService(d: Deps) {
  const db = d.database.db;

  /** The lesson `actor` may edit (404 otherwise, like a lesson that does not exist). */
  async function editableLesson(x: Executor, actor: Actor, lessonId: string, lock = false) {
    const lesson = await curriculumRepo.findLesson(x, lessonId);
    if (!lesson) throw notFound('lesson');
    await loadEditableCourse(x, actor, lesson.courseId, { lock });
    // Locked and read again: the lesson may have changed (or gone) while the upload ran.
    const current = lock ? await curriculumRepo.findLesson(x, lessonId) : lesson;
    if (!current) throw notFound('lesson');
    return current;
  }
  async function editableResource(x: Executor, actor: Actor, id: string, lock = false) {
    const file = await mediaFilesRepo.findById(x, id);
    if (file?.kind !== 'resource' || !file.lessonId) throw notFound('resource');
    await loadEditableCourse(x, actor, file.courseId, { lock });
    return { file, lessonId: file.lessonId };
  }
  const limits = { ...d.limits, textMaxBytes: Math.min(TEXT_MAX_BYTES, d.limits.resourceMaxBytes) };
  async function view(
    x: Executor,
    lesson: Pick<LessonRow, 'id' | 'mediaFileId'>,
  ): Promise<StudioLessonMedia> {
    const rows = await mediaFilesRepo.ofLesson(x, lesson.id);
    const own = rows.find((r) => r.id === lesson.mediaFileId && r.kind !== 'resource');
    return {
      lessonId: lesson.id,
      file: own ? toMediaFileDto(own) : null,
      resources: rows.filter((r) => r.kind === 'resource').map(toMediaFileDto),
      limits,
    };
  }
  const audit = (tx: Tx, e: Parameters<typeof auditRepo.record>[1]) => auditRepo.record(tx, e, d.clock.now());
  /** After a change has committed: the player's cached lesson (its file, its resources) is stale. */
  const changed = async <T>(result: Promise<T>): Promise<T> => {
    const r = await result;
    await d.cache.bump();
    return r;
  };

  const service = {
    /** The largest upload of each kind (the studio's file pickers say so before an upload starts). */
    limits: (): UploadLimits => limits,

    /** The lesson's file and resources, with the upload limits. */
    async get(actor: Actor, lessonId: string): Promise<StudioLessonMedia> {
      return view(db, await editableLesson(db, actor, lessonId));
    },

    /** Upload the video or PDF of a video or PDF lesson, replacing the one it had. */
    async setFile(actor: Actor, lessonId: string, source: UploadSource): Promise<StudioLessonMedia> {
      const lesson = await editableLesson(db, actor, lessonId);
      const kind = fileKindOf(lesson);
      const stored = await receiveUpload(d.storage, {
        courseId: lesson.courseId,
        kind,
        source,
        limits: d.limits,
      });
      return recordUpload(d.storage, stored, () =>
        db.transaction(async (tx) => {
          const current = await editableLesson(tx, actor, lessonId, true);
          if (fileKindOf(current) !== kind) throw conflict('wrong_lesson_type', 'The lesson type changed.');
          const previous = current.mediaFileId
            ? await mediaFilesRepo.findById(tx, current.mediaFileId)
            : undefined;
          const file = await mediaFilesRepo.insert(tx, {
            courseId: current.courseId,
            lessonId,
            kind,
            storageKey: stored.key,
            fileName: stored.fileName,
            mime: stored.mime,
            sizeBytes: stored.sizeBytes,
            uploadedBy: actor.id,
            createdAt: d.clock.now(),
          });
          await mediaFilesRepo.setLessonFile(tx, lessonId, file.id, d.clock.now());
          if (previous) await mediaFilesRepo.delete(tx, previous.id);
          await audit(tx, {
            courseId: current.courseId,
            actorId: actor.id,
            action: 'lesson.file_uploaded',
            before: previous ? { lessonId, ...fileSnapshot(previous) } : null,
            after: { lessonId, ...fileSnapshot(file) },
          });
          return {
            result: await view(tx, { id: lessonId, mediaFileId: file.id }),
            replacedKeys: previous ? [previous.storageKey] : [],
          };
        }),
      );
    },

    /** Remove the lesson's own file (a video lesson then plays its link, if it has one). */
    async removeFile(actor: Actor, lessonId: string): Promise<StudioLessonMedia> {
      const { result, removed } = await db.transaction(async (tx) => {
        const lesson = await editableLesson(tx, actor, lessonId, true);
        const file = lesson.mediaFileId ? await mediaFilesRepo.findById(tx, lesson.mediaFileId) : undefined;
        if (!file) throw notFound('file');
        await mediaFilesRepo.setLessonFile(tx, lessonId, null, d.clock.now());
        await mediaFilesRepo.delete(tx, file.id);
        await audit(tx, {
          courseId: lesson.courseId,
          actorId: actor.id,
          action: 'lesson.file_removed',
          before: { lessonId, ...fileSnapshot(file) },
        });
        return { result: await view(tx, { id: lessonId, mediaFileId: null }), removed: file };
      });
      await removeStored(d.storage, [removed.storageKey]);
      return result;
    },

    /** Add a downloadable resource at the end of the lesson's list; its title starts as the file name. */
    async addResource(actor: Actor, lessonId: string, source: UploadSource): Promise<StudioLessonMedia> {
      const lesson = await editableLesson(db, actor, lessonId);
      const stored = await receiveUpload(d.storage, {
        courseId: lesson.courseId,
        kind: 'resource',
        source,
        limits: d.limits,
      });
      return recordUpload(d.storage, stored, () =>
        db.transaction(async (tx) => {
          const current = await editableLesson(tx, actor, lessonId, true);
          const position = (await mediaFilesRepo.resourceIds(tx, lessonId)).length;
          const file = await mediaFilesRepo.insert(tx, {
            courseId: current.courseId,
            lessonId,
            kind: 'resource',
            storageKey: stored.key,
            fileName: stored.fileName,
            title: stored.fileName,
            mime: stored.mime,
            sizeBytes: stored.sizeBytes,
            position,
            uploadedBy: actor.id,
            createdAt: d.clock.now(),
          });
          await audit(tx, {
            courseId: current.courseId,
            actorId: actor.id,
            action: 'lesson.resource_added',
            after: { lessonId, position, ...fileSnapshot(file) },
          });
          return { result: await view(tx, current), replacedKeys: [] };
        }),
      );
    },

    async renameResource(actor: Actor, resourceId: string, title: string): Promise<StudioLessonMedia> {
      return db.transaction(async (tx) => {
        const { file, lessonId } = await editableResource(tx, actor, resourceId, true);
        if ((file.title ?? file.fileName) !== title) {
          await mediaFilesRepo.setTitle(tx, file.id, title);
          await audit(tx, {
            courseId: file.courseId,
            actorId: actor.id,
            action: 'lesson.resource_renamed',
            before: { lessonId, fileId: file.id, title: file.title },
            after: { lessonId, fileId: file.id, title },
          });
        }
        return view(tx, await lessonOf(tx, lessonId));
      });
    },

    /** Put the lesson's resources in the order of `ids` (every current id, each once). */
    async reorderResources(actor: Actor, lessonId: string, ids: string[]): Promise<StudioLessonMedia> {
      return db.transaction(async (tx) => {
        const lesson = await editableLesson(tx, actor, lessonId, true);
        const current = await mediaFilesRepo.resourceIds(tx, lessonId);
        checkSameSet(current, ids);
        await mediaFilesRepo.setPositions(tx, ids);
        await audit(tx, {
          courseId: lesson.courseId,
          actorId: actor.id,
          action: 'lesson.resources_reordered',
          before: { lessonId, ids: current },
          after: { lessonId, ids },
        });
        return view(tx, lesson);
      });
    },

    /** Delete a resource (and its bytes); the others close the gap. */
    async deleteResource(actor: Actor, resourceId: string): Promise<StudioLessonMedia> {
      const { result, removed } = await db.transaction(async (tx) => {
        const { file, lessonId } = await editableResource(tx, actor, resourceId, true);
        await mediaFilesRepo.delete(tx, file.id);
        await mediaFilesRepo.setPositions(tx, await mediaFilesRepo.resourceIds(tx, lessonId));
        await audit(tx, {
          courseId: file.courseId,
          actorId: actor.id,
          action: 'lesson.resource_deleted',
          before: { lessonId, position: file.position, ...fileSnapshot(file) },
        });
        return { result: await view(tx, await lessonOf(tx, lessonId)), removed: file };
      });
      await removeStored(d.storage, [removed.storageKey]);
      return result;
    },
  };
  return {
    ...service,
    setFile: (actor: Actor, lessonId: string, source: UploadSource) =>
      changed(service.setFile(actor, lessonId, source)),
    removeFile: (actor: Actor, lessonId: string) => changed(service.removeFile(actor, lessonId)),
    addResource: (actor: Actor, lessonId: string, source: UploadSource) =>
      changed(service.addResource(actor, lessonId, source)),
    renameResource: (actor: Actor, resourceId: string, title: string) =>
      changed(service.renameResource(actor, resourceId, title)),
    reorderResources: (actor: Actor, lessonId: string, ids: string[]) =>
      changed(service.reorderResources(actor, lessonId, ids)),
    deleteResource: (actor: Actor, resourceId: string) => changed(service.deleteResource(actor, resourceId)),
  };
}
export type LessonMediaService = ReturnType<typeof createLessonMediaService>;

async function lessonOf(x: Executor, lessonId: string): Promise<LessonRow> {
  const lesson = await curriculumRepo.findLesson(x, lessonId);
  if (!lesson) throw notFound('lesson');
  return lesson;
}
