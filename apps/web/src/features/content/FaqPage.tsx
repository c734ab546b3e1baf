import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import type { JsonLd } from '../../lib/render-context.ts';
import { ContentPageHeader } from './ContentPageHeader.tsx';
import { useFaq } from './content-queries.ts';

/** `/faq`: the published questions, grouped by category, with FAQPage structured data. */
export function FaqPage() {
  const { t } = useTranslation();
  const groups = useFaq().data?.categories ?? [];
  const jsonLd: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: groups.flatMap((g) =>
      g.entries.map((e) => ({
        '@type': 'Question',
        name: e.question,
        acceptedAnswer: { '@type': 'Answer', text: e.answerHtml },
      })),
    ),
  };
  return (
    <>
      <PageMeta
        title={t('content.faq.title')}
        description={t('content.faq.metaDescription')}
        jsonLd={groups.length ? [jsonLd] : []}
      />
      <ContentPageHeader page="faq" title={t('content.faq.title')} subtitle={t('content.faq.subtitle')} />
      {groups.length === 0 ? <p className="mt-10 text-slate-700">{t('content.faq.empty')}</p> : null}
      {groups.map((g, i) => (
        <section key={g.category || '-'} aria-labelledby={`faq-group-${i}`} className="mt-10 max-w-3xl">
          <h2 id={`faq-group-${i}`} className="text-2xl font-bold tracking-tight text-slate-900">
            {g.category || t('content.faq.general')}
          </h2>
          <div className="mt-4 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {g.entries.map((e) => (
              <details key={e.id} className="group p-5">
                <summary className="cursor-pointer list-none font-semibold text-slate-900 marker:hidden">
                  <span aria-hidden="true" className="me-2 inline-block transition group-open:rotate-90">
                    ›
                  </span>
                  {e.question}
                </summary>
                <div
                  className="prose mt-3 text-slate-800"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: stored rich text, sanitised on write
                  dangerouslySetInnerHTML={{ __html: e.answerHtml }}
                />
              </details>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
