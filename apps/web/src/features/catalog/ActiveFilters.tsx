import type { CatalogQuery } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { useCategories } from './catalog-queries.ts';
import { type CatalogChange, catalogHref, hasFilters } from './catalog-url.ts';
import { languageName } from './course-labels.ts';

type Chip = { key: string; label: string; change: CatalogChange };

/** The filters in effect, each with a link that removes it, and "Clear all". */
export function ActiveFilters({ query }: { query: CatalogQuery }) {
  const { t } = useTranslation();
  const { data: categories } = useCategories();
  if (!hasFilters(query)) return null;

  const categoryName = categories?.items.find((category) => category.slug === query.category)?.name;
  const candidates: Array<Chip | null> = [
    query.q
      ? { key: 'q', label: t('catalog.active.search', { q: query.q }), change: { q: undefined } }
      : null,
    query.category
      ? { key: 'category', label: categoryName ?? query.category, change: { category: undefined } }
      : null,
    query.level
      ? { key: 'level', label: t(`catalog.levels.${query.level}`), change: { level: undefined } }
      : null,
    query.price
      ? { key: 'price', label: t(`catalog.filters.${query.price}`), change: { price: undefined } }
      : null,
    query.minRating
      ? {
          key: 'minRating',
          label: t('catalog.filters.ratingAtLeast', { rating: query.minRating }),
          change: { minRating: undefined },
        }
      : null,
    query.language
      ? { key: 'language', label: languageName(query.language, t), change: { language: undefined } }
      : null,
    query.instructor
      ? {
          key: 'instructor',
          label: t('catalog.active.instructor', { slug: query.instructor }),
          change: { instructor: undefined },
        }
      : null,
  ];
  const chips = candidates.filter((chip): chip is Chip => chip !== null);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <h2 className="sr-only">{t('catalog.active.title')}</h2>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              to={catalogHref(query, chip.change)}
              aria-label={t('catalog.active.remove', { filter: chip.label })}
              className={cn(
                'inline-flex items-center gap-1.5 rounded-full bg-indigo-50 px-3 py-1 text-sm font-medium text-indigo-900 ring-1 ring-indigo-200 hover:bg-indigo-100',
                focusRing,
              )}
            >
              {chip.label}
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link
        to={catalogHref(query, {
          q: undefined,
          category: undefined,
          level: undefined,
          price: undefined,
          minRating: undefined,
          language: undefined,
          instructor: undefined,
        })}
        className={cn('rounded text-sm font-medium text-indigo-700 hover:underline', focusRing)}
      >
        {t('catalog.active.clearAll')}
      </Link>
    </div>
  );
}
