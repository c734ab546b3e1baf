import { type LessonFile, type LessonResource, mediaDownloadUrl, mediaFileUrl } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { LessonRow, MediaFileRow } from '../../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../../http/errors.ts';
import type { OutgoingFile } from '../../../http/send-file.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Storage } from '../../../platform/storage.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { lessonFilesRepo } from './lesson-files.repo.ts';
import { fileAccess } from './media-access.policy.ts';

/**
 * User content runs nothing: no scripts, no plugins, a unique origin (`sandbox`), no framing by other
 * sites. PDFs too: Chromium's viewer displays a sandboxed PDF, checked in the browser test (ADR 018).
 */
const USER_CONTENT_CSP = "default-src 'none'; sandbox; frame-ancestors 'self'";

/** Whether and how a stored course file is served to the person asking. */
export function createLessonFilesService(d: { database: Database; clock: Clock; storage: Storage }) {
  const db = d.database.db;
  return {
    /**
     * A stored course file the asker may read, ready to send; 404 when they may not know it exists,
     * 403 `lesson_locked` (with `availableAt`) before its lesson is released to them, 403
     * `enrollment_expired` once their access has ended. One query, whatever the asker.
     */
    async open(user: CurrentUser | null, fileId: string, o: { download: boolean }): Promise<OutgoingFile> {
      const row = await lessonFilesRepo.forServing(db, fileId, user?.id ?? null);
      if (!row) throw notFound('file');
      const { file } = row;
      const access = fileAccess(
        {
          kind: file.kind,
          courseStatus: row.courseStatus,
          isEditor: user?.role === 'admin' || (user?.role === 'instructor' && row.isInstructor),
          lesson: row.lesson
            ? {
                ...row.lesson,
                isCurrent: file.kind === 'resource' || row.lesson.mediaFileId === file.id,
              }
            : null,
          // Learning needs a verified address, as the lesson player does.
          enrollment: user?.emailVerified && row.enrollment ? row.enrollment : null,
        },
        d.clock.now(),
      );
      if (!access.allowed) {
        if (access.reason === 'locked')
          throw new AppError('lesson_locked', 403, 'This lesson is not open yet', {
            availableAt: access.availableAt.toISOString(),
          });
        if (access.reason === 'expired')
          throw forbidden('enrollment_expired', 'Your access to this course has ended.');
        throw notFound('file');
      }
      const attachment = o.download || file.kind === 'resource';
      return {
        etag: `${file.id}-${file.sizeBytes}`,
        lastModified: file.createdAt,
        sizeBytes: file.sizeBytes,
        mime: file.mime,
        fileName: file.fileName,
        disposition: attachment ? 'attachment' : 'inline',
        csp: USER_CONTENT_CSP,
        read: (range) => d.storage.readStream(file.storageKey, range),
      };
    },
  };
}
export type LessonFilesService = ReturnType<typeof createLessonFilesService>;

/** The player's view of a lesson's files: its own file only when it fits the lesson's type. */
export function lessonMedia(lesson: Pick<LessonRow, 'type' | 'mediaFileId'>, rows: MediaFileRow[]) {
  const own = rows.find((r) => r.id === lesson.mediaFileId && r.kind === lesson.type);
  const file: LessonFile | null = own
    ? {
        id: own.id,
        fileName: own.fileName,
        mime: own.mime,
        sizeBytes: own.sizeBytes,
        url: mediaFileUrl(own.id),
        downloadUrl: mediaDownloadUrl(own.id),
      }
    : null;
  const resources: LessonResource[] = rows
    .filter((r) => r.kind === 'resource')
    .map((r) => ({
      id: r.id,
      title: r.title ?? r.fileName,
      fileName: r.fileName,
      mime: r.mime,
      sizeBytes: r.sizeBytes,
      downloadUrl: mediaDownloadUrl(r.id),
    }));
  return { file, resources };
}
