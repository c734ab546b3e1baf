import type { AdminCertificate, CertificateStatus } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { ReasonDialog } from '../admin/ReasonDialog.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { useAdminCertificates, useChangeCertificate } from './certificate-queries.ts';

const PAGE_SIZE = 20;
const STATUSES: CertificateStatus[] = ['valid', 'revoked'];

/** `/admin/certificates`: every certificate, searched by code, name or course; revoke and restore. */
export function AdminCertificatesPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminCertificates />;
}

function AdminCertificates() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = STATUSES.find((s) => s === params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [draft, setDraft] = useState(q);
  const [acting, setActing] = useState<{
    certificate: AdminCertificate;
    action: 'revoke' | 'restore';
  } | null>(null);
  const list = useAdminCertificates({ page, limit: PAGE_SIZE, q: q || undefined, status });
  const change = useChangeCertificate();

  function go(next: { q?: string; status?: CertificateStatus | undefined; page?: number }) {
    const out = new URLSearchParams();
    const nextQ = next.q ?? q;
    const nextStatus = 'status' in next ? next.status : status;
    if (nextQ) out.set('q', nextQ);
    if (nextStatus) out.set('status', nextStatus);
    if ((next.page ?? 1) > 1) out.set('page', String(next.page));
    setParams(out);
  }
  function search(event: FormEvent) {
    event.preventDefault();
    go({ q: draft.trim() });
  }

  return (
    <>
      <PageMeta title={t('certificates.admin.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('certificates.admin.title')}</h1>
      <p className="mt-2 text-slate-700">{t('certificates.admin.subtitle')}</p>
      <div className="mt-6 flex flex-wrap items-end gap-4">
        <search>
          <form onSubmit={search} className="flex flex-wrap items-end gap-2">
            <Field
              label={t('certificates.admin.search')}
              name="q"
              type="search"
              className="w-72"
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
            <Button type="submit" variant="secondary">
              {t('certificates.admin.searchButton')}
            </Button>
          </form>
        </search>
        <SelectField
          label={t('certificates.admin.statusFilter')}
          name="status"
          className="w-48"
          value={status ?? ''}
          onChange={(event) => go({ status: STATUSES.find((s) => s === event.currentTarget.value) })}
          options={[
            { value: '', label: t('certificates.admin.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`certificates.status.${s}`) })),
          ]}
        />
      </div>

      <div className="mt-8">
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('certificates.admin.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <CertificateTable
              items={list.data.items}
              onAct={(certificate, action) => setActing({ certificate, action })}
            />
            <Pagination
              page={list.data.pageInfo.page}
              pages={list.data.pageInfo.pages}
              total={list.data.pageInfo.total}
              summary={t('certificates.admin.pageSummary', {
                page: list.data.pageInfo.page,
                pages: Math.max(1, list.data.pageInfo.pages),
                count: list.data.pageInfo.total,
              })}
              onPage={(next) => go({ page: next })}
            />
          </>
        ) : null}
      </div>
      <ReasonDialog
        key={acting ? `${acting.certificate.id}-${acting.action}` : 'closed'}
        open={acting !== null}
        title={
          acting?.action === 'restore'
            ? t('certificates.admin.restoreTitle', { code: acting.certificate.code })
            : t('certificates.admin.revokeTitle', { code: acting?.certificate.code ?? '' })
        }
        description={
          acting?.action === 'restore'
            ? t('certificates.admin.restoreText')
            : t('certificates.admin.revokeText')
        }
        confirmLabel={
          acting?.action === 'restore' ? t('certificates.admin.restore') : t('certificates.admin.revoke')
        }
        isBusy={change.isPending}
        error={change.isError ? errorMessage(change.error) : null}
        onCancel={() => {
          setActing(null);
          change.reset();
        }}
        onConfirm={(reason) => {
          if (!acting) return;
          change.mutate(
            { id: acting.certificate.id, action: acting.action, reason },
            { onSuccess: () => setActing(null) },
          );
        }}
      />
    </>
  );
}

function CertificateTable({
  items,
  onAct,
}: {
  items: AdminCertificate[];
  onAct: (certificate: AdminCertificate, action: 'revoke' | 'restore') => void;
}) {
  const { t, i18n } = useTranslation();
  const th = 'px-4 py-3 text-start font-semibold';
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[48rem] text-start text-sm">
        <caption className="sr-only">{t('certificates.admin.tableCaption')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={th}>
              {t('certificates.fields.code')}
            </th>
            <th scope="col" className={th}>
              {t('certificates.fields.student')}
            </th>
            <th scope="col" className={th}>
              {t('certificates.fields.course')}
            </th>
            <th scope="col" className={th}>
              {t('certificates.fields.issuedOn')}
            </th>
            <th scope="col" className={th}>
              {t('certificates.admin.status')}
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">{t('certificates.admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-3 font-mono whitespace-nowrap" dir="ltr">
                <TextLink to={c.verifyPath}>{c.code}</TextLink>
              </td>
              <td className="px-4 py-3">
                <span className="block font-medium text-slate-900">{c.studentName}</span>
                {c.userEmail ? (
                  <span className="block text-slate-600" dir="ltr">
                    {c.userEmail}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3 text-slate-900">{c.courseTitle}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                {formatDate(c.issuedAt, i18n.language)}
              </td>
              <td className="px-4 py-3">
                {c.status === 'revoked' ? (
                  <span className="text-red-800">
                    <span className="font-semibold">{t('certificates.status.revoked')}</span>
                    {c.revokeReason ? <span className="block text-xs">{c.revokeReason}</span> : null}
                  </span>
                ) : (
                  <span className="font-semibold text-emerald-800">{t('certificates.status.valid')}</span>
                )}
              </td>
              <td className="px-4 py-3 text-end">
                <Button
                  size="sm"
                  variant={c.status === 'revoked' ? 'secondary' : 'danger'}
                  onClick={() => onAct(c, c.status === 'revoked' ? 'restore' : 'revoke')}
                  aria-label={
                    c.status === 'revoked'
                      ? t('certificates.admin.restoreLabel', { code: c.code })
                      : t('certificates.admin.revokeLabel', { code: c.code })
                  }
                >
                  {c.status === 'revoked' ? t('certificates.admin.restore') : t('certificates.admin.revoke')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
