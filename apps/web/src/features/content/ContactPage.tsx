import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { ContactForm } from './ContactForm.tsx';
import { ContentPageHeader } from './ContentPageHeader.tsx';
import { useSiteContent } from './content-queries.ts';

const linkClass = 'font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900';

/** `/contact`: the academy's contact details and the contact form. */
export function ContactPage() {
  const { t } = useTranslation();
  const c = useSiteContent('contact.details');
  const whatsapp = c.whatsapp.replace(/[^\d]/g, '');
  const rows: { label: string; value: React.ReactNode }[] = [];
  if (c.email)
    rows.push({
      label: t('content.contact.emailLabel'),
      value: (
        <a className={linkClass} href={`mailto:${c.email}`}>
          {c.email}
        </a>
      ),
    });
  if (c.phone)
    rows.push({
      label: t('content.contact.phone'),
      value: (
        <a className={linkClass} href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
          {c.phone}
        </a>
      ),
    });
  if (whatsapp)
    rows.push({
      label: t('content.contact.whatsapp'),
      value: (
        <a
          className={linkClass}
          href={`https://wa.me/${whatsapp}`}
          rel="noopener noreferrer"
          target="_blank"
          dir="ltr"
        >
          {c.whatsapp}
        </a>
      ),
    });
  if (c.address)
    rows.push({
      label: t('content.contact.address'),
      value: <span className="whitespace-pre-line">{c.address}</span>,
    });
  if (c.hours) rows.push({ label: t('content.contact.hours'), value: c.hours });
  return (
    <>
      <PageMeta title={t('content.contact.title')} description={t('content.contact.metaDescription')} />
      <ContentPageHeader
        page="contact"
        title={t('content.contact.title')}
        subtitle={t('content.contact.subtitle')}
      />
      <div className="mt-10 grid gap-10 lg:grid-cols-[2fr_3fr]">
        <section aria-labelledby="contact-details-title" className="space-y-4">
          <h2 id="contact-details-title" className="text-xl font-semibold text-slate-900">
            {t('content.contact.detailsTitle')}
          </h2>
          {rows.length ? (
            <dl className="space-y-3">
              {rows.map((r) => (
                <div key={r.label}>
                  <dt className="text-sm font-medium text-slate-600">{r.label}</dt>
                  <dd className="text-slate-900">{r.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-slate-700">{t('content.contact.formOnly')}</p>
          )}
          {c.mapUrl ? (
            <p>
              <a className={linkClass} href={c.mapUrl} rel="noopener noreferrer" target="_blank">
                {t('content.contact.map')}
              </a>
            </p>
          ) : null}
          {c.socials.length ? (
            <ul className="flex flex-wrap gap-3" aria-label={t('content.contact.socials')}>
              {c.socials.map((s) => (
                <li key={s.url}>
                  <a className={linkClass} href={s.url} rel="noopener noreferrer me" target="_blank">
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <ContactForm />
        </div>
      </div>
    </>
  );
}
