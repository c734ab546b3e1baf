import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { buttonClasses } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useMyCertificates } from './certificate-queries.ts';

/** The dashboard's "My certificates": each with its PDF download and its public verification page. */
export function MyCertificates() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const certificates = useMyCertificates(true);

  if (certificates.isPending) return null;
  if (certificates.isError) return <Alert tone="error">{errorMessage(certificates.error)}</Alert>;
  const { items } = certificates.data;
  return (
    <section aria-labelledby="my-certificates-title">
      <h2 id="my-certificates-title" className="text-2xl font-bold tracking-tight text-slate-900">
        {t('certificates.mine.title')}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-700">{t('certificates.mine.empty')}</p>
      ) : (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {items.map((c) => (
            <li key={c.id}>
              <article
                aria-label={t('certificates.mine.itemLabel', { course: c.courseTitle })}
                className="h-full rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
              >
                <h3 className="text-lg font-semibold text-slate-900">{c.courseTitle}</h3>
                <p className="mt-1 text-sm text-slate-700">
                  {t('certificates.mine.completedOn', { date: formatDate(c.completedAt, i18n.language) })}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  {t('certificates.fields.code')}:{' '}
                  <span dir="ltr" className="font-mono font-semibold">
                    {c.code}
                  </span>
                </p>
                {c.status === 'revoked' ? (
                  <p className="mt-3 text-sm font-semibold text-red-800">
                    {t('certificates.status.revoked')}
                  </p>
                ) : null}
                <div className="mt-4 flex flex-wrap items-center gap-4">
                  {c.status === 'valid' ? (
                    // A plain link with `download`: the browser saves the PDF the server sends as an attachment.
                    <a href={c.pdfUrl} download className={buttonClasses('primary', 'sm')}>
                      {t('certificates.mine.download')}
                      <span className="sr-only"> {c.courseTitle}</span>
                    </a>
                  ) : null}
                  <TextLink to={c.verifyPath}>
                    {t('certificates.mine.verify')}
                    <span className="sr-only"> {c.courseTitle}</span>
                  </TextLink>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
