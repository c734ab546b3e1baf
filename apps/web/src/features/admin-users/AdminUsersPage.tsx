import { AdminUserSort, Roles, UserStatuses } from '@9tangle/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { USER_FILTERS, type UserFilters, useAdminUsers } from './admin-users-queries.ts';
import { UsersTable } from './UsersTable.tsx';
import { useAdminUsersError } from './use-admin-error.ts';

/** `/admin/users`: every account, searched by name, email or id, filtered by role and status. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminUsers />;
}

function AdminUsers() {
  const { t } = useTranslation();
  const errorMessage = useAdminUsersError();
  const [params, setParams] = useSearchParams();
  const filters: UserFilters = Object.fromEntries(
    USER_FILTERS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v),
  );
  const list = useAdminUsers(filters);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const out = new URLSearchParams();
    for (const k of ['q', 'role', 'status', 'sort'] as const) {
      const v = String(form.get(k) ?? '').trim();
      if (v) out.set(k, v);
    }
    setParams(out);
  }
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };
  const option = (value: string, label: string) => ({ value, label });

  return (
    <>
      <PageMeta title={t('adminUsers.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminUsers.title')}</h1>
      <search>
        <form onSubmit={apply} className="mt-6 flex flex-wrap items-end gap-3" key={params.toString()}>
          <Field
            label={t('adminUsers.search')}
            hint={t('adminUsers.searchHint')}
            name="q"
            type="search"
            className="w-72"
            defaultValue={filters.q}
          />
          <SelectField
            label={t('adminUsers.role')}
            name="role"
            className="w-40"
            defaultValue={filters.role ?? ''}
            options={[
              option('', t('adminUsers.any')),
              ...Roles.map((r) => option(r, t(`adminUsers.roles.${r}`))),
            ]}
          />
          <SelectField
            label={t('adminUsers.status')}
            name="status"
            className="w-40"
            defaultValue={filters.status ?? ''}
            options={[
              option('', t('adminUsers.any')),
              ...UserStatuses.map((s) => option(s, t(`adminUsers.statuses.${s}`))),
            ]}
          />
          <SelectField
            label={t('adminUsers.sort')}
            name="sort"
            className="w-44"
            defaultValue={filters.sort ?? 'newest'}
            options={AdminUserSort.options.map((s) => option(s, t(`adminUsers.sorts.${s}`)))}
          />
          <Button type="submit" variant="secondary">
            {t('adminUsers.apply')}
          </Button>
        </form>
      </search>

      <div className="mt-6">
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('adminUsers.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <UsersTable items={list.data.items} />
            <Pagination
              page={list.data.pageInfo.page}
              pages={list.data.pageInfo.pages}
              total={list.data.pageInfo.total}
              onPage={goTo}
              summary={t('adminUsers.pageSummary', {
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
