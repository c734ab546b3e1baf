import { randomUUID } from 'node:crypto';
import type { AdminProduct } from '@9tangle/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../../../db/client.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import { removeStored } from '../../catalog/media/media-store.ts';
import { productsRepo } from './products.repo.ts';
import { adminProductView } from './products-admin.service.ts';
import { IMAGE_PREFIX, type ShopDeps } from './shop.deps.ts';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 10;
const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const KEY = /^[0-9a-f-]{36}\.(jpg|png|webp)$/;

/**
 * A product's images: checked by their bytes (JPEG, PNG, WebP; never SVG or HTML, whatever their
 * name), at most ten, in display order. The bytes are public only while the product is active.
 */
export function createProductImagesService(d: Pick<ShopDeps, 'database' | 'clock' | 'cache' | 'storage'>) {
  const db = d.database.db;
  /** Lock the product for the rest of the transaction (image count and positions change under it). */
  const lockProduct = async (tx: Executor, id: string) => {
    const product = await productsRepo.findById(tx, id, { lock: true });
    if (!product) throw notFound('product');
    return product;
  };
  const touched = async (productId: string) => {
    await d.cache.bump();
    return adminProductView(db, productId);
  };

  return {
    /** Add an image at the end; the eleventh is refused with 409 `too_many_images`. */
    async add(productId: string, data: Buffer): Promise<AdminProduct> {
      if (!(await productsRepo.findById(db, productId))) throw notFound('product');
      const type = await fileTypeFromBuffer(data);
      const ext = type ? IMAGE_TYPES[type.mime] : undefined;
      if (!ext) throw badRequest('invalid_image', 'Upload a JPEG, PNG or WebP image.');
      const key = `${randomUUID()}.${ext}`;
      await d.storage.put(`${IMAGE_PREFIX}/${key}`, data);
      try {
        await db.transaction(async (tx) => {
          await lockProduct(tx, productId);
          const images = await productsRepo.imagesOf(tx, productId);
          if (images.length >= MAX_IMAGES)
            throw conflict('too_many_images', `A product may have at most ${MAX_IMAGES} images.`);
          const position = images.reduce((m, i) => Math.max(m, i.position + 1), 0);
          await productsRepo.insertImage(tx, {
            productId,
            storageKey: key,
            position,
            createdAt: d.clock.now(),
          });
        });
      } catch (err) {
        await removeStored(d.storage, [`${IMAGE_PREFIX}/${key}`]);
        throw err;
      }
      return touched(productId);
    },

    async setAlt(productId: string, imageId: string, alt: string): Promise<AdminProduct> {
      const image = await productsRepo.findImage(db, productId, imageId);
      if (!image) throw notFound('image');
      await productsRepo.updateImage(db, imageId, { alt });
      return touched(productId);
    },

    /** Put the images in this order: `ids` must name every image of the product once. */
    async reorder(productId: string, ids: string[]): Promise<AdminProduct> {
      await db.transaction(async (tx) => {
        await lockProduct(tx, productId);
        const current = new Set((await productsRepo.imagesOf(tx, productId)).map((i) => i.id));
        if (
          ids.length !== current.size ||
          new Set(ids).size !== ids.length ||
          !ids.every((id) => current.has(id))
        )
          throw badRequest('validation_failed', 'List every image of the product once.');
        for (const [position, id] of ids.entries()) await productsRepo.updateImage(tx, id, { position });
      });
      return touched(productId);
    },

    async remove(productId: string, imageId: string): Promise<AdminProduct> {
      const key = await db.transaction(async (tx) => {
        await lockProduct(tx, productId);
        const image = await productsRepo.findImage(tx, productId, imageId);
        if (!image) throw notFound('image');
        await productsRepo.deleteImage(tx, imageId);
        const rest = await productsRepo.imagesOf(tx, productId);
        for (const [position, i] of rest.entries())
          if (i.position !== position) await productsRepo.updateImage(tx, i.id, { position });
        return image.storageKey;
      });
      await removeStored(d.storage, [`${IMAGE_PREFIX}/${key}`]);
      return touched(productId);
    },

    /**
     * The bytes of an image of an active product (an admin's: of any product); anything else is 404.
     * `isPublic` tells whether shared caches may keep it.
     */
    async read(key: string, isAdmin: boolean): Promise<{ data: Buffer; mime: string; isPublic: boolean }> {
      if (!KEY.test(key)) throw notFound('file');
      const found = await productsRepo.imageByKey(db, key);
      if (!found || (found.status !== 'active' && !isAdmin)) throw notFound('file');
      const data = await d.storage.get(`${IMAGE_PREFIX}/${key}`);
      if (!data) throw notFound('file');
      const ext = key.split('.').pop() ?? '';
      const mime = Object.entries(IMAGE_TYPES).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
      return { data, mime, isPublic: found.status === 'active' };
    },
  };
}
export type ProductImagesService = ReturnType<typeof createProductImagesService>;
