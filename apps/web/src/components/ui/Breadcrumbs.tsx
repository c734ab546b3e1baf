import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Crumb } from '../../lib/json-ld.ts';
import { cn, focusRing } from './cn.ts';

/** The trail from the home page to this page; the last crumb is the page itself (not a link). */
export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.breadcrumbs')} className="text-sm text-slate-700">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {crumbs.map((crumb, index) => {
          const isLast = index === crumbs.length - 1;
          return (
            <li key={crumb.path} className="flex min-w-0 items-center gap-2">
              {isLast ? (
                <span aria-current="page" className="truncate font-medium text-slate-900">
                  {crumb.name}
                </span>
              ) : (
                <>
                  <Link
                    to={crumb.path}
                    className={cn('rounded hover:text-indigo-800 hover:underline', focusRing)}
                  >
                    {crumb.name}
                  </Link>
                  <span aria-hidden="true" className="text-slate-500 rtl:rotate-180">
                    ›
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
