import { type CatalogQuery, CourseLevels } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { useCategories } from './catalog-queries.ts';
import { type CatalogChange, catalogHref } from './catalog-url.ts';
import { COURSE_LANGUAGES, languageName } from './course-labels.ts';

const MIN_RATINGS = [4.5, 4, 3.5, 3] as const;

type Option = { key: string; label: string; change: CatalogChange; isActive: boolean };

function FilterGroup({ title, options, query }: { title: string; options: Option[]; query: CatalogQuery }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <ul className="mt-2 flex flex-wrap gap-1.5 lg:flex-col lg:gap-0.5">
        {options.map((option) => (
          <li key={option.key}>
            <Link
              to={catalogHref(query, option.change)}
              aria-current={option.isActive ? 'true' : undefined}
              className={cn(
                'block rounded-lg px-3 py-1.5 text-sm',
                option.isActive
                  ? 'bg-indigo-50 font-semibold text-indigo-900 ring-1 ring-indigo-200'
                  : 'text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100 lg:ring-0',
                focusRing,
              )}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every filter as a list of links: each choice is a URL, so the filters work without JavaScript. */
export function CatalogFilters({ query }: { query: CatalogQuery }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const listed = (categories.data?.items ?? []).filter(
    (category) => category.active && (category.courseCount > 0 || category.slug === query.category),
  );
  const any = (key: keyof CatalogQuery, isActive: boolean): Option => ({
    key: 'any',
    label: t('catalog.filters.any'),
    change: { [key]: undefined },
    isActive,
  });

  return (
    <div className="space-y-6">
      <FilterGroup
        title={t('catalog.filters.category')}
        query={query}
        options={[
          { ...any('category', !query.category), label: t('catalog.filters.allCategories') },
          ...listed.map((category) => ({
            key: category.slug,
            label: t('catalog.filters.withCount', { name: category.name, count: category.courseCount }),
            change: { category: category.slug },
            isActive: query.category === category.slug,
          })),
        ]}
      />
      <FilterGroup
        title={t('catalog.filters.level')}
        query={query}
        options={[
          any('level', !query.level),
          ...CourseLevels.map((level) => ({
            key: level,
            label: t(`catalog.levels.${level}`),
            change: { level },
            isActive: query.level === level,
          })),
        ]}
      />
      <FilterGroup
        title={t('catalog.filters.price')}
        query={query}
        options={[
          any('price', !query.price),
          ...(['free', 'paid'] as const).map((price) => ({
            key: price,
            label: t(`catalog.filters.${price}`),
            change: { price },
            isActive: query.price === price,
          })),
        ]}
      />
      <FilterGroup
        title={t('catalog.filters.rating')}
        query={query}
        options={[
          any('minRating', !query.minRating),
          ...MIN_RATINGS.map((minRating) => ({
            key: String(minRating),
            label: t('catalog.filters.ratingAtLeast', { rating: minRating }),
            change: { minRating },
            isActive: query.minRating === minRating,
          })),
        ]}
      />
      <FilterGroup
        title={t('catalog.filters.language')}
        query={query}
        options={[
          any('language', !query.language),
          ...COURSE_LANGUAGES.map((language) => ({
            key: language,
            label: languageName(language, t),
            change: { language },
            isActive: query.language === language,
          })),
        ]}
      />
    </div>
  );
}
