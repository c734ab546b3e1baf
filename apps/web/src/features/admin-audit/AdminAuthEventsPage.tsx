import { AuthEventKinds, AuthEventTypes } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { AuthEventsTable } from './AuthEventsTable.tsx';
import { AUTH_EVENT_FILTERS, useAuthEvents } from './audit-queries.ts';
import { FilterForm, useFilters } from './FilterForm.tsx';

/** `/admin/auth-events`: review failed sign-ins, 2FA failures, throttling and admin actions on accounts. */
export function AdminAuthEventsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminAuthEvents />;
}

function AdminAuthEvents() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { filters, goTo } = useFilters(AUTH_EVENT_FILTERS);
  const list = useAuthEvents(filters);
  const option = (value: string, label: string) => ({ value, label });
  const summary = list.data?.summary ?? [];

  return (
    <>
      <PageMeta title={t('adminAudit.authEvents.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminAudit.authEvents.title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('adminAudit.authEvents.intro')}</p>
      <FilterForm names={AUTH_EVENT_FILTERS}>
        <SelectField
          label={t('adminAudit.authEvents.kind')}
          name="kind"
          className="w-52"
          defaultValue={filters.kind ?? ''}
          options={[
            option('', t('adminAudit.any')),
            ...AuthEventKinds.map((k) => option(k, t(`adminAudit.kinds.${k}`))),
          ]}
        />
        <SelectField
          label={t('adminAudit.authEvents.type')}
          name="type"
          className="w-56"
          defaultValue={filters.type ?? ''}
          options={[
            option('', t('adminAudit.any')),
            ...AuthEventTypes.map((k) => option(k, t(`adminAudit.types.${k}`, { defaultValue: k }))),
          ]}
        />
        <Field
          label={t('adminAudit.authEvents.email')}
          name="email"
          type="search"
          className="w-56"
          defaultValue={filters.email}
        />
        <Field label={t('adminAudit.ip')} name="ip" className="w-44" dir="ltr" defaultValue={filters.ip} />
        <Field
          label={t('adminAudit.from')}
          name="from"
          type="date"
          className="w-40"
          defaultValue={filters.from}
        />
        <Field label={t('adminAudit.to')} name="to" type="date" className="w-40" defaultValue={filters.to} />
      </FilterForm>

      <section aria-label={t('adminAudit.authEvents.summary')} className="mt-6">
        <h2 className="text-lg font-semibold text-slate-900">{t('adminAudit.authEvents.summary')}</h2>
        {summary.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t('adminAudit.authEvents.noSummary')}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {summary.map((s) => (
              <li
                key={s.type}
                className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm"
              >
                <span className="block text-xs text-slate-600">
                  {t(`adminAudit.types.${s.type}`, { defaultValue: s.type })}
                </span>
                <span className="block text-lg font-semibold text-slate-900">{s.count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="mt-6">
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('adminAudit.authEvents.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <AuthEventsTable items={list.data.items} showAccount caption={t('adminAudit.authEvents.title')} />
            <Pagination
              page={list.data.pageInfo.page}
              pages={list.data.pageInfo.pages}
              total={list.data.pageInfo.total}
              onPage={goTo}
              summary={t('adminAudit.pageSummary', {
                page: list.data.pageInfo.page,
                pages: Math.max(1, list.data.pageInfo.pages),
                count: list.data.pageInfo.total,
              })}
            />
          </>
        ) : null}
      </div>
    </>
  );
}
