import { randomUUID } from 'node:crypto';
import type { AdminProduct } from '@9tangle/contracts';
import { badRequest, notFound } from '../../../http/errors.ts';
import type { UploadSource } from '../../../http/uploads.ts';
import { removeStored } from '../../catalog/media/media-store.ts';
import { checkProductFile } from './product-file-types.ts';
import { productsRepo } from './products.repo.ts';
import { adminProductView } from './products-admin.service.ts';
import { FILE_PREFIX, type ShopDeps } from './shop.deps.ts';

/**
 * A digital product's file: streamed to storage under a private random key and recorded on the
 * product. No route serves it; the checkout's expiring download links do, after payment.
 */
export function createProductFileService(
  d: Pick<ShopDeps, 'database' | 'clock' | 'cache' | 'storage' | 'productFileMaxBytes'>,
) {
  const db = d.database.db;
  return {
    /** Replace the product's file (the old bytes are removed once the new ones are recorded). */
    async set(productId: string, source: UploadSource): Promise<AdminProduct> {
      const product = await productsRepo.findById(db, productId);
      if (!product) throw notFound('product');
      if (product.type !== 'digital')
        throw badRequest('validation_failed', 'Only digital products have a downloadable file.');
      const incoming = await source.open(d.productFileMaxBytes);
      let key: string;
      let size: number;
      let mime: string;
      try {
        const checked = await checkProductFile(incoming.chunks);
        key = `${FILE_PREFIX}/${productId}/${randomUUID()}.${checked.ext}`;
        mime = checked.mime;
        ({ size } = await d.storage.putStream(key, checked.chunks));
      } catch (err) {
        incoming.discard();
        throw err;
      }
      let previous: string | null;
      try {
        previous = await db.transaction(async (tx) => {
          const locked = await productsRepo.findById(tx, productId, { lock: true });
          if (!locked) throw notFound('product');
          await productsRepo.update(tx, productId, {
            fileKey: key,
            fileName: incoming.fileName,
            fileMime: mime,
            fileSizeBytes: size,
            updatedAt: d.clock.now(),
          });
          return locked.fileKey;
        });
      } catch (err) {
        await removeStored(d.storage, [key]);
        throw err;
      }
      if (previous) await removeStored(d.storage, [previous]);
      await d.cache.bump();
      return adminProductView(db, productId);
    },
  };
}
export type ProductFileService = ReturnType<typeof createProductFileService>;
