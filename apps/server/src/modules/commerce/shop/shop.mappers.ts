import type {
  AdminProduct,
  ProductCategoryDto,
  ProductDetail,
  ProductImageDto,
  ProductSummary,
} from '@9tangle/contracts';
import type { ProductCategoryRow, ProductImageRow } from '../../../db/schema/index.ts';
import type { ProductWithCategory } from './products.repo.ts';

const iso = (t: Date | string) => new Date(t).toISOString();
type Currency = ProductSummary['currency'];

export const imageUrl = (key: string) => `/api/files/products/${key}`;

export const toProductCategoryDto = (r: ProductCategoryRow): ProductCategoryDto => ({
  id: r.id,
  name: r.name,
  slug: r.slug,
  description: r.description,
  position: r.position,
  active: r.active,
});

export const toImageDto = (r: ProductImageRow): ProductImageDto => ({
  id: r.id,
  url: imageUrl(r.storageKey),
  alt: r.alt,
  position: r.position,
});

/** In stock: digital goods and untracked stock always; tracked stock while units are left. */
export const isInStock = (p: Pick<ProductWithCategory, 'type' | 'stock'>) =>
  p.type === 'digital' || p.stock === null || p.stock > 0;

export function toProductSummary(p: ProductWithCategory, first: ProductImageRow | undefined): ProductSummary {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    type: p.type,
    priceMinor: p.priceMinor,
    compareAtMinor: p.compareAtMinor,
    currency: p.currency as Currency,
    category: p.category,
    imageUrl: first ? imageUrl(first.storageKey) : null,
    imageAlt: first?.alt || p.name,
    inStock: isInStock(p),
    ratingAvg: p.ratingAvg === null ? null : Number(p.ratingAvg),
    ratingCount: p.ratingCount,
    createdAt: iso(p.createdAt),
  };
}

export function toProductDetail(p: ProductWithCategory, images: ProductImageRow[]): ProductDetail {
  return {
    ...toProductSummary(p, images[0]),
    descriptionHtml: p.descriptionHtml,
    descriptionText: p.descriptionText,
    images: images.map(toImageDto),
    stock: p.type === 'physical' ? p.stock : null,
    weightGrams: p.weightGrams,
    updatedAt: iso(p.updatedAt),
  };
}

/** The admin's view: the private file is described, never located (its key stays on the server). */
export function toAdminProduct(p: ProductWithCategory, images: ProductImageRow[]): AdminProduct {
  return {
    ...toProductDetail(p, images),
    status: p.status,
    categoryId: p.categoryId,
    file:
      p.fileKey && p.fileName && p.fileMime
        ? { fileName: p.fileName, mime: p.fileMime, sizeBytes: p.fileSizeBytes ?? 0 }
        : null,
  };
}
