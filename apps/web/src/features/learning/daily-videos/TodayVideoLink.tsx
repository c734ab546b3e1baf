import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cn, focusRing } from '../../../components/ui/cn.ts';

/** The player sidebar's way to the course's daily videos (`/courses/:slug/learn/today`). */
export function TodayVideoLink({ slug, isCurrent }: { slug: string; isCurrent: boolean }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/courses/${encodeURIComponent(slug)}/learn/today`}
      aria-current={isCurrent ? 'page' : undefined}
      className={cn(
        'flex items-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium',
        isCurrent
          ? 'border-indigo-300 bg-indigo-50 text-indigo-900'
          : 'border-slate-300 text-slate-800 hover:bg-slate-50',
        focusRing,
      )}
    >
      <span aria-hidden="true">▶</span>
      {t('media.today.link')}
    </Link>
  );
}
