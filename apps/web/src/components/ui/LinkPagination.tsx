import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClasses } from './Button.tsx';
import { cn } from './cn.ts';

type LinkPaginationProps = { page: number; pages: number; hrefFor: (page: number) => string };

/** The page numbers around the current one, with the first and last always shown. */
function visiblePages(page: number, pages: number): Array<number | 'gap'> {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: Array<number | 'gap'> = [];
  for (const p of sorted) {
    const previous = result[result.length - 1];
    if (typeof previous === 'number' && p - previous > 1) result.push('gap');
    result.push(p);
  }
  return result;
}

/** Paging as links (`?page=`), so every page is a URL that works without JavaScript. */
export function LinkPagination({ page, pages, hrefFor }: LinkPaginationProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const disabled = cn(buttonClasses('secondary', 'sm'), 'pointer-events-none opacity-50');
  return (
    <nav aria-label={t('pagination.label')} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-2">
        <li>
          {page > 1 ? (
            <Link to={hrefFor(page - 1)} rel="prev" className={buttonClasses('secondary', 'sm')}>
              {t('pagination.previous')}
            </Link>
          ) : (
            <span aria-disabled="true" className={disabled}>
              {t('pagination.previous')}
            </span>
          )}
        </li>
        {visiblePages(page, pages).map((item, index) =>
          item === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-600">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                to={hrefFor(item)}
                aria-current={item === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: item })}
                className={cn(
                  buttonClasses(item === page ? 'primary' : 'secondary', 'sm'),
                  'min-w-8 tabular-nums',
                )}
              >
                {item}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link to={hrefFor(page + 1)} rel="next" className={buttonClasses('secondary', 'sm')}>
              {t('pagination.next')}
            </Link>
          ) : (
            <span aria-disabled="true" className={disabled}>
              {t('pagination.next')}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
