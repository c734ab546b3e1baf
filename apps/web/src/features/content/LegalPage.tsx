import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { ContentPageHeader } from './ContentPageHeader.tsx';
import { useSiteContent } from './content-queries.ts';

/** `/privacy` and `/terms`: the admin's text, with its effective date. */
export function LegalPage({ which }: { which: 'privacy' | 'terms' }) {
  const { t, i18n } = useTranslation();
  const doc = useSiteContent(which === 'privacy' ? 'legal.privacy' : 'legal.terms');
  const title = doc.title || t(`content.legal.${which}Title`);
  const date = doc.effectiveDate
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${doc.effectiveDate}T00:00:00Z`),
      )
    : null;
  return (
    <>
      <PageMeta title={title} description={t(`content.legal.${which}Description`)} />
      <ContentPageHeader
        page={which}
        title={title}
        subtitle={date ? t('content.legal.effective', { date }) : undefined}
      />
      {doc.html ? (
        <article
          className="prose mt-10 max-w-3xl text-slate-800"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: stored rich text, sanitised on write
          dangerouslySetInnerHTML={{ __html: doc.html }}
        />
      ) : (
        <p className="mt-10 max-w-3xl text-slate-700">{t('content.legal.missing')}</p>
      )}
    </>
  );
}
