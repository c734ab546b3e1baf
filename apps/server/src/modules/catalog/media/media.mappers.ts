import { type MediaFileDto, mediaDownloadUrl, mediaFileUrl } from '@9tangle/contracts';
import type { MediaFileRow } from '../../../db/schema/index.ts';

/** Stored course files as their DTOs: as the studio shows them (never their storage keys). */
export function toMediaFileDto(m: MediaFileRow): MediaFileDto {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title ?? m.fileName,
    fileName: m.fileName,
    mime: m.mime,
    sizeBytes: m.sizeBytes,
    position: m.position,
    url: mediaFileUrl(m.id),
    downloadUrl: mediaDownloadUrl(m.id),
    createdAt: m.createdAt.toISOString(),
  };
}

/** What the audit trail records of a file: never its storage key. */
export const fileSnapshot = (m: MediaFileRow) => ({
  fileId: m.id,
  kind: m.kind,
  fileName: m.fileName,
  title: m.title,
  mime: m.mime,
  sizeBytes: m.sizeBytes,
});
