import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';
import { Currency, MinorUnits, Slug } from './catalog.ts';

// Contracts of the commerce slice: shop (products, product categories, images, digital files, reviews).

export const ProductTypes = ['digital', 'physical'] as const;
export const ProductType = z.enum(ProductTypes);
export type ProductType = z.infer<typeof ProductType>;
export const ProductStatuses = ['draft', 'active', 'archived'] as const;
export const ProductStatus = z.enum(ProductStatuses);
export type ProductStatus = z.infer<typeof ProductStatus>;

// ── Categories ──────────────────────────────────────────────────────────────────────────────────────

export const ProductCategoryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  active: z.boolean(),
});
export type ProductCategoryDto = z.infer<typeof ProductCategoryDto>;
export const ProductCategoryList = z.object({ items: z.array(ProductCategoryDto) });
export type ProductCategoryList = z.infer<typeof ProductCategoryList>;
export const ProductCategoryBody = z.object({
  name: z.string().trim().min(2).max(80),
  slug: Slug.optional(),
  description: z.string().trim().max(500).nullable().optional(),
  position: z.int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type ProductCategoryBody = z.infer<typeof ProductCategoryBody>;
export const ProductCategoryPatch = ProductCategoryBody.partial().strict();
export type ProductCategoryPatch = z.infer<typeof ProductCategoryPatch>;

// ── Products ────────────────────────────────────────────────────────────────────────────────────────

export const ProductImageDto = z.object({
  id: z.uuid(),
  /** `/api/files/products/<key>`: public once the product is active. */
  url: z.string(),
  alt: z.string(),
  position: z.number(),
});
export type ProductImageDto = z.infer<typeof ProductImageDto>;

/** A product as a card in the shop. */
export const ProductSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  type: ProductType,
  priceMinor: z.number(),
  /** The price before a sale, shown struck through; null when not on sale. */
  compareAtMinor: z.number().nullable(),
  currency: Currency,
  category: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** The first image, if any. */
  imageUrl: z.string().nullable(),
  imageAlt: z.string(),
  /** Digital goods and untracked stock are always in stock. */
  inStock: z.boolean(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number(),
  createdAt: z.string(),
});
export type ProductSummary = z.infer<typeof ProductSummary>;

/** The public product page. */
export const ProductDetail = ProductSummary.extend({
  descriptionHtml: z.string(),
  descriptionText: z.string(),
  images: z.array(ProductImageDto),
  /** Units on hand when tracked (physical goods); null otherwise. */
  stock: z.number().nullable(),
  weightGrams: z.number().nullable(),
  updatedAt: z.string(),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

export const ShopSorts = ['newest', 'price_asc', 'price_desc', 'rating'] as const;
export const ShopQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: Slug.optional(),
  type: ProductType.optional(),
  sort: z.enum(ShopSorts).optional(),
  page: z.coerce.number().int().min(1).max(1_000).default(1),
  limit: z.coerce.number().int().min(1).max(60).default(12),
  /** Keyset pagination: the `nextCursor` of the previous answer, with the same filters, sort and limit. */
  cursor: z.string().min(1).max(1_000).optional(),
});
export type ShopQuery = z.infer<typeof ShopQuery>;

/** The shop query of a URL, the same on the server and in the browser (so both build the same key). */
export function parseShopQuery(params: URLSearchParams): ShopQuery {
  const given = Object.fromEntries([...params].filter(([k, v]) => v.trim() !== '' && k !== 'cursor'));
  const parsed = ShopQuery.safeParse(given);
  return parsed.success ? parsed.data : ShopQuery.parse({});
}

export const ShopPage = z.object({
  items: z.array(ProductSummary),
  pageInfo: PageInfo,
  /** Opaque: pass as `cursor` for the rows after this page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ShopPage = z.infer<typeof ShopPage>;

// ── Admin ───────────────────────────────────────────────────────────────────────────────────────────

export const ProductBody = z.object({
  name: z.string().trim().min(2).max(160),
  slug: Slug.optional(),
  /** Rich text; sanitized on the server (the courses' allowlist), never trusted. */
  descriptionHtml: z.string().max(100_000).optional(),
  categoryId: z.uuid().nullable().optional(),
  type: ProductType,
  status: ProductStatus.optional(),
  priceMinor: MinorUnits,
  compareAtMinor: MinorUnits.nullable().optional(),
  currency: Currency,
  /** Physical goods: units on hand; null = not tracked (always available). Ignored for digital goods. */
  stock: z.int().min(0).max(1_000_000).nullable().optional(),
  weightGrams: z.int().min(0).max(1_000_000).nullable().optional(),
});
export type ProductBody = z.infer<typeof ProductBody>;
export const ProductPatch = ProductBody.partial().strict();
export type ProductPatch = z.infer<typeof ProductPatch>;

export const AdminProductFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
});

/** A product as the admin sees it: everything, with its private file's description (never its key). */
export const AdminProduct = ProductDetail.extend({
  status: ProductStatus,
  categoryId: z.uuid().nullable(),
  file: AdminProductFile.nullable(),
});
export type AdminProduct = z.infer<typeof AdminProduct>;
export const AdminProductQuery = Pagination.extend({
  q: z.string().trim().max(100).optional(),
  status: ProductStatus.optional(),
  type: ProductType.optional(),
});
export type AdminProductQuery = z.infer<typeof AdminProductQuery>;
export const AdminProductList = z.object({
  items: z.array(AdminProduct.omit({ descriptionHtml: true, descriptionText: true })),
  pageInfo: PageInfo,
});
export type AdminProductList = z.infer<typeof AdminProductList>;

export const ProductImagePatch = z.object({ alt: z.string().trim().max(200) }).strict();
export const ProductImagesReorder = z.object({ ids: z.array(z.uuid()).min(1).max(10) }).strict();

// ── Reviews ─────────────────────────────────────────────────────────────────────────────────────────

export const ProductReviewStatus = z.enum(['pending', 'approved', 'rejected']);
export type ProductReviewStatus = z.infer<typeof ProductReviewStatus>;
export const ProductReviewBody = z.object({
  rating: z.int().min(1).max(5),
  /** Plain text; stored escaped. */
  body: z.string().max(5_000).default(''),
});
export type ProductReviewBody = z.infer<typeof ProductReviewBody>;

export const ProductReviewDto = z.object({
  id: z.uuid(),
  rating: z.number(),
  /** Escaped HTML made from the reviewer's plain text. */
  bodyHtml: z.string(),
  author: z.object({ name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductReviewDto = z.infer<typeof ProductReviewDto>;
export const ProductReviewList = z.object({ items: z.array(ProductReviewDto), pageInfo: PageInfo });
export type ProductReviewList = z.infer<typeof ProductReviewList>;

/** The signed-in user's review of a product and whether they may write one. */
export const MyProductReview = z.object({
  canReview: z.boolean(),
  review: ProductReviewDto.extend({
    status: ProductReviewStatus,
    /** The plain text, for the edit form. */
    body: z.string(),
    moderationNote: z.string().nullable(),
  }).nullable(),
});
export type MyProductReview = z.infer<typeof MyProductReview>;

export const AdminProductReview = ProductReviewDto.extend({
  status: ProductReviewStatus,
  moderationNote: z.string().nullable(),
  author: z.object({ name: z.string(), email: z.string() }),
  product: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
});
export type AdminProductReview = z.infer<typeof AdminProductReview>;
export const AdminProductReviewQuery = Pagination.extend({ status: ProductReviewStatus.default('pending') });
export type AdminProductReviewQuery = z.infer<typeof AdminProductReviewQuery>;
export const AdminProductReviewList = z.object({ items: z.array(AdminProductReview), pageInfo: PageInfo });
export type AdminProductReviewList = z.infer<typeof AdminProductReviewList>;
export const RejectProductReviewBody = z.object({ note: z.string().trim().min(1).max(500) }).strict();
