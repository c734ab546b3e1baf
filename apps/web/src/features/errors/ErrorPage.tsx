import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Button } from '../../components/ui/Button.tsx';

/** Shown when a page crashes in the browser; a full reload is the most likely fix. */
export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <PageMeta title={t('errorPage.title')} description={t('errorPage.description')} noIndex status={500} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('errorPage.title')}</h1>
      <p className="mt-4 text-slate-700">{t('errorPage.description')}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
        <Button asChild variant="secondary">
          <a href="/">{t('notFound.home')}</a>
        </Button>
      </div>
    </main>
  );
}
