import type { CertificateVerification } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useCertificate } from './certificate-queries.ts';

/**
 * `/certificates/:code`: the public verification of a certificate, rendered on the server (complete
 * without JavaScript). An unknown code is "not found" (404). Kept out of search engines: it names a
 * person, and anyone with the code can open it.
 */
export function CertificatePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { code = '' } = useParams();
  const certificate = useCertificate(code);

  if (certificate.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (certificate.isError) return <Alert tone="error">{errorMessage(certificate.error)}</Alert>;
  if (!certificate.data) return <NotFoundPage />;
  return <Verification certificate={certificate.data} />;
}

function Verification({ certificate: c }: { certificate: CertificateVerification }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso, i18n.language);
  const isRevoked = c.status === 'revoked';
  const facts = { student: c.studentName, course: c.courseTitle, date: date(c.completedAt) };
  return (
    <div className="mx-auto max-w-3xl">
      <PageMeta
        title={t('certificates.page.title', facts)}
        description={
          isRevoked
            ? t('certificates.page.revokedDescription', facts)
            : t('certificates.page.description', facts)
        }
        canonicalPath={`/certificates/${c.code}`}
        noIndex
      />
      <p className="text-sm font-semibold uppercase tracking-wider text-indigo-700">
        {t('certificates.page.kicker')}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">
        {t('certificates.page.heading')}
      </h1>

      {isRevoked ? (
        <div role="status" className="mt-6 rounded-xl border border-red-300 bg-red-50 px-5 py-4 text-red-950">
          <p className="text-lg font-bold">{t('certificates.status.revoked')}</p>
          <p className="mt-1">
            {t('certificates.page.revokedOn', { date: c.revokedAt ? date(c.revokedAt) : '' })}
            {c.revokeReason ? ` ${t('certificates.page.revokedReason', { reason: c.revokeReason })}` : null}
          </p>
        </div>
      ) : (
        <div
          role="status"
          className="mt-6 rounded-xl border border-emerald-300 bg-emerald-50 px-5 py-4 text-emerald-950"
        >
          <p className="text-lg font-bold">{t('certificates.status.valid')}</p>
          <p className="mt-1">{t('certificates.page.validText', facts)}</p>
        </div>
      )}

      <dl className="mt-8 grid gap-x-8 gap-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2">
        <Fact label={t('certificates.fields.student')}>{c.studentName}</Fact>
        <Fact label={t('certificates.fields.course')}>
          {c.courseSlug ? (
            <TextLink to={`/courses/${c.courseSlug}`}>{c.courseTitle}</TextLink>
          ) : (
            c.courseTitle
          )}
        </Fact>
        <Fact label={t('certificates.fields.completedOn')}>
          <time dateTime={c.completedAt}>{date(c.completedAt)}</time>
        </Fact>
        {c.instructorNames.length > 0 ? (
          <Fact label={t('certificates.fields.instructors', { count: c.instructorNames.length })}>
            {c.instructorNames.join(', ')}
          </Fact>
        ) : null}
        <Fact label={t('certificates.fields.code')}>
          <span dir="ltr" className="font-mono font-semibold tracking-wider">
            {c.code}
          </span>
        </Fact>
        <Fact label={t('certificates.fields.issuedOn')}>
          <time dateTime={c.issuedAt}>{date(c.issuedAt)}</time>
        </Fact>
      </dl>
      <p className="mt-6 text-sm text-slate-600">{t('certificates.page.footnote')}</p>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg text-slate-900">{children}</dd>
    </div>
  );
}
