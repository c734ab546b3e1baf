import type { CategoryBody, CategoryDto, CategoryList, CategoryPatch } from '@9tangle/contracts';
import { conflict, notFound } from '../../http/errors.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toCategoryDto } from './catalog.mappers.ts';
import { categoriesRepo } from './categories.repo.ts';
import { coursesRepo } from './courses.repo.ts';
import { isForeignKeyViolation, isUniqueViolation, nextFreeSlug, slugify } from './slug.ts';

const slugTaken = () => conflict('slug_taken', 'Another category already uses this web address.');
const inUse = () =>
  conflict('category_in_use', 'Courses still use this category; move them to another one first.');

/** The admin's categories. Their `course_count` is never set here: course changes move it. */
export function createCategoriesService(d: Pick<CatalogDeps, 'database' | 'clock' | 'cache'>) {
  const db = d.database.db;
  /** Run a write, invalidate the catalog, and turn a slug collision into 409. */
  async function write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      await d.cache.bump();
      return result;
    } catch (err) {
      if (isUniqueViolation(err, 'categories_slug_key')) throw slugTaken();
      throw err;
    }
  }
  return {
    /** Every category, inactive ones included. */
    async listAll(): Promise<CategoryList> {
      return { items: (await categoriesRepo.list(db, { activeOnly: false })).map(toCategoryDto) };
    },

    /** A new category; without a slug one is made from the name (`-2`, `-3` when taken). */
    async create(body: CategoryBody): Promise<CategoryDto> {
      return write(async () => {
        let slug = body.slug;
        if (!slug) {
          const base = slugify(body.name, 'category');
          slug = nextFreeSlug(base, await categoriesRepo.slugsLike(db, base));
        }
        const now = d.clock.now();
        const row = await categoriesRepo.insert(db, {
          name: body.name,
          slug,
          description: body.description ?? null,
          icon: body.icon ?? null,
          colour: body.colour ?? null,
          position: body.position ?? 0,
          active: body.active ?? true,
          createdAt: now,
          updatedAt: now,
        });
        return toCategoryDto(row);
      });
    },

    async update(id: string, patch: CategoryPatch): Promise<CategoryDto> {
      return write(async () => {
        const row = await categoriesRepo.update(db, id, { ...patch, updatedAt: d.clock.now() });
        if (!row) throw notFound('category');
        return toCategoryDto(row);
      });
    },

    /** Delete an unused category; one that any course (in any status) points to answers 409. */
    async delete(id: string): Promise<void> {
      await write(async () => {
        if (!(await categoriesRepo.findById(db, id))) throw notFound('category');
        if ((await coursesRepo.countByCategory(db, id)) > 0) throw inUse();
        try {
          await categoriesRepo.delete(db, id);
        } catch (err) {
          // A course took the category between the check and the delete: the foreign key refuses.
          if (isForeignKeyViolation(err)) throw inUse();
          throw err;
        }
      });
    },
  };
}
export type CategoriesService = ReturnType<typeof createCategoriesService>;
