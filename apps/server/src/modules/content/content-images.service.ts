import { randomUUID } from 'node:crypto';
import { ContentImageKey, type ContentImageUploaded, contentImageUrl } from '@9tangle/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, notFound } from '../../http/errors.ts';
import { CONTENT_IMAGE_PREFIX, type ContentDeps } from './content.deps.ts';

export const CONTENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const storageKey = (key: string) => `${CONTENT_IMAGE_PREFIX}/${key}`;

/**
 * Images of the site content: checked by their bytes (JPEG, PNG, WebP — never SVG or HTML, whatever
 * their name or declared type, as the shop's images), stored under a random name, so a name never
 * means two different images and the files can be cached for a year.
 */
export function createContentImagesService(d: Pick<ContentDeps, 'storage'>) {
  return {
    /** Store an uploaded image; 400 `invalid_image` for anything but JPEG, PNG or WebP. */
    async upload(data: Buffer): Promise<ContentImageUploaded> {
      const type = await fileTypeFromBuffer(data);
      const ext = type ? IMAGE_TYPES[type.mime] : undefined;
      if (!ext) throw badRequest('invalid_image', 'Upload a JPEG, PNG or WebP image.');
      const key = `${randomUUID()}.${ext}`;
      await d.storage.put(storageKey(key), data);
      return { key, url: contentImageUrl(key) };
    },
    /** 400 `invalid_image` unless `key` names a stored image (a value may only point at real files). */
    async assertExists(key: string): Promise<void> {
      if (!ContentImageKey.safeParse(key).success || !(await d.storage.stat(storageKey(key))))
        throw badRequest('invalid_image', `No uploaded image ${key}; upload it first.`);
    },
    async remove(key: string): Promise<void> {
      await d.storage.delete(storageKey(key)).catch(() => undefined);
    },
    /** The bytes of a content image and their type, or 404. */
    async read(key: string): Promise<{ data: Buffer; mime: string }> {
      if (!ContentImageKey.safeParse(key).success) throw notFound('file');
      const data = await d.storage.get(storageKey(key));
      if (!data) throw notFound('file');
      const ext = key.split('.').pop() ?? '';
      const mime = Object.entries(IMAGE_TYPES).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
      return { data, mime };
    },
  };
}
export type ContentImagesService = ReturnType<typeof createContentImagesService>;
