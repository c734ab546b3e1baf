import type { AuditEntryDto } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { AuditDetailDialog } from './AuditDetailDialog.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AUDIT_FILTERS, useAuditLog } from './audit-queries.ts';
import { FilterForm, useFilters } from './FilterForm.tsx';

/** `/admin/audit`: every admin action (and everything done while signed in as someone), searchable. */
export function AdminAuditPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminAudit />;
}

function AdminAudit() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { filters, goTo } = useFilters(AUDIT_FILTERS);
  const list = useAuditLog(filters);
  const [open, setOpen] = useState<AuditEntryDto | null>(null);

  return (
    <>
      <PageMeta title={t('adminAudit.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminAudit.title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('adminAudit.intro')}</p>
      <FilterForm names={AUDIT_FILTERS}>
        <Field
          label={t('adminAudit.search')}
          name="q"
          type="search"
          className="w-64"
          defaultValue={filters.q}
        />
        <Field
          label={t('adminAudit.actor')}
          name="actor"
          hint={t('adminAudit.actorHint')}
          className="w-56"
          defaultValue={filters.actor}
        />
        <Field
          label={t('adminAudit.action')}
          name="action"
          hint={t('adminAudit.actionHint')}
          className="w-56"
          defaultValue={filters.action}
        />
        <Field
          label={t('adminAudit.targetType')}
          name="targetType"
          className="w-40"
          defaultValue={filters.targetType}
        />
        <Field
          label={t('adminAudit.targetId')}
          name="targetId"
          className="w-72"
          defaultValue={filters.targetId}
        />
        <Field
          label={t('adminAudit.from')}
          name="from"
          type="date"
          className="w-40"
          defaultValue={filters.from}
        />
        <Field label={t('adminAudit.to')} name="to" type="date" className="w-40" defaultValue={filters.to} />
      </FilterForm>
      <div className="mt-6">
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('adminAudit.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <AuditTable items={list.data.items} onOpen={setOpen} />
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
      <AuditDetailDialog entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
