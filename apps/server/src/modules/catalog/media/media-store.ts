import { randomUUID } from 'node:crypto';
import type { UploadSource } from '../../../http/uploads.ts';
import type { Storage } from '../../../platform/storage.ts';
import { checkUploadContent, type MediaKind } from './media-types.ts';

/** The configured size limits of course files, in bytes. */
export interface MediaLimits {
  videoMaxBytes: number;
  pdfMaxBytes: number;
  resourceMaxBytes: number;
}

export const maxBytesOf = (limits: MediaLimits, kind: MediaKind) =>
  kind === 'pdf' ? limits.pdfMaxBytes : kind === 'resource' ? limits.resourceMaxBytes : limits.videoMaxBytes;

/** An upload stored under its own new key, checked, not yet recorded anywhere. */
export interface StoredUpload {
  key: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
}

/**
 * Receive an upload into storage as it arrives: its bytes checked against the kind's allowlist, its
 * size against the kind's limit, under a new random key in the course's folder. On any failure
 * (refused type, too large, the sender gone) nothing is stored and the error goes up.
 */
export async function receiveUpload(
  storage: Storage,
  o: { courseId: string; kind: MediaKind; source: UploadSource; limits: MediaLimits },
): Promise<StoredUpload> {
  const incoming = await o.source.open(maxBytesOf(o.limits, o.kind));
  try {
    const checked = await checkUploadContent(o.kind, incoming.fileName, incoming.chunks);
    const key = `media/${o.courseId}/${randomUUID()}.${checked.ext}`;
    const { size } = await storage.putStream(key, checked.chunks);
    return { key, fileName: incoming.fileName, mime: checked.mime, sizeBytes: size };
  } catch (err) {
    incoming.discard();
    throw err;
  }
}

/**
 * Record a stored upload (the transaction `record`); if recording fails, the new bytes belong to
 * nothing and are removed. Once it is committed, the files it replaced (`record`'s answer) are removed.
 */
export async function recordUpload<T>(
  storage: Storage,
  stored: StoredUpload,
  record: () => Promise<{ result: T; replacedKeys: string[] }>,
): Promise<T> {
  let outcome: { result: T; replacedKeys: string[] };
  try {
    outcome = await record();
  } catch (err) {
    await storage.delete(stored.key);
    throw err;
  }
  await removeStored(storage, outcome.replacedKeys);
  return outcome.result;
}

/**
 * Remove the bytes of rows that are gone (after their transaction committed). A failure here leaves
 * an orphan file, never a row without its file, so it is not worth failing the request for.
 */
export async function removeStored(storage: Storage, keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => undefined)));
}
