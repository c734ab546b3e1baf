import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useMe } from '../session/use-me.ts';

/** Unknown paths, and pages the visitor may not see (answered the same way, so nothing is revealed). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <PageMeta title={t('notFound.title')} description={t('notFound.description')} noIndex status={404} />
      <p className="text-sm font-semibold uppercase tracking-wider text-indigo-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{t('notFound.title')}</h1>
      <p className="mt-4 text-slate-700">{t('notFound.description')}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link to="/">{t('notFound.home')}</Link>
        </Button>
        {me ? null : (
          <Button asChild variant="secondary">
            <Link to={`/login?next=${next}`}>{t('notFound.signIn')}</Link>
          </Button>
        )}
      </div>
    </div>
  );
}
