import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from './columns.ts';
import { users } from './identity.ts';

// Money is always integer minor units (`*_minor`) with an ISO 4217 code beside it (`currency`).

// ── Shop catalog ───────────────────────────────────────────────────────────────────────────────────

export const productTypeEnum = pgEnum('product_type', ['digital', 'physical']);
export const productStatusEnum = pgEnum('product_status', ['draft', 'active', 'archived']);

/** Shop sections ("Books", "Merchandise"), apart from the course categories. */
export const productCategories = pgTable(
  'product_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('product_categories_slug_key').on(t.slug)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Sanitized on the way in (allowlist). */
    descriptionHtml: text('description_html').notNull().default(''),
    descriptionText: text('description_text').notNull().default(''),
    categoryId: uuid('category_id').references(() => productCategories.id, { onDelete: 'set null' }),
    type: productTypeEnum('type').notNull(),
    /** draft: only admins see it; active: on sale (when in stock); archived: gone from the shop. */
    status: productStatusEnum('status').notNull().default('draft'),
    priceMinor: integer('price_minor').notNull(),
    /** The price before a sale, shown struck through; null when not on sale. */
    compareAtMinor: integer('compare_at_minor'),
    currency: text('currency').notNull(),
    /** Physical goods: units on hand (null: not tracked, always available). Digital: null. */
    stock: integer('stock'),
    weightGrams: integer('weight_grams'),
    /** Digital goods: the file released after payment (storage key under `products/`). */
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSizeBytes: integer('file_size_bytes'),
    ratingAvg: numeric('rating_avg', { precision: 3, scale: 2 }),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', coalesce("name", '')), 'A') || setweight(to_tsvector('simple', coalesce("description_text", '')), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_status_created_idx').on(t.status, t.createdAt.desc()),
    index('products_category_idx').on(t.categoryId),
    index('products_search_idx').using('gin', t.search),
    check('products_price_check', sql`${t.priceMinor} >= 0`),
    check('products_stock_check', sql`${t.stock} is null or ${t.stock} >= 0`),
  ],
);

/** Up to 10 images a product, checked by content, in display order. */
export const productImages = pgTable(
  'product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

export const reviewStatusEnum = pgEnum('product_review_status', ['pending', 'approved', 'rejected']);

/** Reviews by buyers only, shown once an admin approves them. */
export const productReviews = pgTable(
  'product_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    bodyHtml: text('body_html').notNull().default(''),
    status: reviewStatusEnum('status').notNull().default('pending'),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderationNote: text('moderation_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('product_reviews_product_user_key').on(t.productId, t.userId),
    index('product_reviews_status_idx').on(t.status, t.createdAt),
    check('product_reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

export type ProductRow = typeof products.$inferSelect;
export type ProductCategoryRow = typeof productCategories.$inferSelect;
export type ProductImageRow = typeof productImages.$inferSelect;
export type ProductReviewRow = typeof productReviews.$inferSelect;
