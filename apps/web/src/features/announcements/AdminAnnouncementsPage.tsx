import { type AdminAnnouncement, type AnnouncementStatus, AnnouncementStatuses } from '@9tangle/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { cn } from '../../components/ui/cn.ts';
import { inputClasses } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { AnnouncementDialog } from './AnnouncementDialog.tsx';
import { AnnouncementStatusBadge } from './AnnouncementStatusBadge.tsx';
import { useAdminAnnouncements, useAnnouncementChange } from './announcements-api.ts';

/** `/admin/announcements`: every announcement with its status, and the create, edit and delete dialogs. */
export function AdminAnnouncementsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Announcements />;
}

function Announcements() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const status = AnnouncementStatuses.find((s) => s === params.get('status'));
  const list = useAdminAnnouncements({ page, status });
  const change = useAnnouncementChange();
  const [editing, setEditing] = useState<AdminAnnouncement | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AdminAnnouncement | null>(null);
  const timeZone = list.data?.timeZone ?? 'UTC';
  const when = (iso: string | null, open: string) =>
    iso
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
          new Date(iso),
        )
      : open;

  function setFilter(next: { status?: AnnouncementStatus | ''; page?: number }) {
    const p = new URLSearchParams();
    const s = next.status === undefined ? status : next.status || undefined;
    if (s) p.set('status', s);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  }

  return (
    <>
      <PageMeta title={t('announcements.admin.title')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">
            {t('announcements.admin.title')}
          </h1>
          <p className="mt-2 max-w-2xl text-slate-700">{t('announcements.admin.subtitle')}</p>
        </div>
        {/* The window is typed in the academy's time zone, which the list answers with. */}
        <Button disabled={!list.data} onClick={() => setEditing('new')}>
          {t('announcements.admin.new')}
        </Button>
      </div>

      <div className="mt-6 w-56 space-y-1.5">
        <label htmlFor={filterId} className="block text-sm font-medium text-slate-800">
          {t('announcements.admin.filter')}
        </label>
        <select
          id={filterId}
          value={status ?? ''}
          onChange={(e) => setFilter({ status: e.currentTarget.value as AnnouncementStatus | '' })}
          className={cn(inputClasses, 'border-slate-300')}
        >
          <option value="">{t('announcements.admin.all')}</option>
          {AnnouncementStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`announcements.status.${s}`)}
              {list.data ? ` (${list.data.counts[s] ?? 0})` : ''}
            </option>
          ))}
        </select>
      </div>

      <div className="mt-4 space-y-4">
        {change.isError && editing === null ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('announcements.admin.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full min-w-[52rem] text-start text-sm">
              <caption className="sr-only">{t('announcements.admin.caption', { zone: timeZone })}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  {(['announcement', 'type', 'audience', 'window', 'status'] as const).map((c) => (
                    <th key={c} scope="col" className="px-4 py-3 text-start font-semibold">
                      {t(`announcements.admin.columns.${c}`)}
                    </th>
                  ))}
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">{t('announcements.admin.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {list.data.items.map((a) => {
                  const busy = change.isPending && 'id' in change.variables && change.variables.id === a.id;
                  return (
                    <tr key={a.id} className="align-top">
                      <th scope="row" className="max-w-sm px-4 py-3 text-start font-normal">
                        <span className="block font-medium text-slate-900">{a.title}</span>
                        <span className="mt-1 line-clamp-2 block text-slate-700">{a.message}</span>
                      </th>
                      <td className="px-4 py-3 text-slate-800">{t(`announcements.type.${a.type}`)}</td>
                      <td className="px-4 py-3 text-slate-800">
                        {t(`announcements.audience.${a.audience}`)}
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-800">
                        <span className="block">{when(a.startsAt, t('announcements.admin.fromNow'))}</span>
                        <span className="block text-slate-600">
                          {t('announcements.admin.until', {
                            when: when(a.endsAt, t('announcements.admin.noEnd')),
                          })}
                        </span>
                      </td>
                      <td className="px-4 py-3">
                        <AnnouncementStatusBadge status={a.status} />
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex flex-wrap justify-end gap-2">
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => setEditing(a)}
                            aria-label={t('announcements.admin.editLabel', { title: a.title })}
                          >
                            {t('announcements.admin.edit')}
                          </Button>
                          <Button
                            size="sm"
                            variant="secondary"
                            isLoading={busy}
                            disabled={change.isPending}
                            onClick={() =>
                              change.mutate({ kind: a.isActive ? 'deactivate' : 'activate', id: a.id })
                            }
                            aria-label={t(
                              a.isActive
                                ? 'announcements.admin.deactivateLabel'
                                : 'announcements.admin.activateLabel',
                              { title: a.title },
                            )}
                          >
                            {t(
                              a.isActive ? 'announcements.admin.deactivate' : 'announcements.admin.activate',
                            )}
                          </Button>
                          <Button
                            size="sm"
                            variant="danger"
                            disabled={change.isPending}
                            onClick={() => setDeleting(a)}
                            aria-label={t('announcements.admin.deleteLabel', { title: a.title })}
                          >
                            {t('announcements.admin.delete')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {list.data && list.data.pageInfo.pages > 1 ? (
          <Pagination
            page={list.data.pageInfo.page}
            pages={list.data.pageInfo.pages}
            total={list.data.pageInfo.total}
            onPage={(next) => setFilter({ page: next })}
            summary={t('announcements.admin.pageSummary', {
              page: list.data.pageInfo.page,
              pages: list.data.pageInfo.pages,
              count: list.data.pageInfo.total,
            })}
          />
        ) : null}
      </div>

      {editing !== null ? (
        <AnnouncementDialog
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing}
          timeZone={timeZone}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('announcements.admin.deleteTitle')}
        description={t('announcements.admin.deleteBody', { title: deleting?.title ?? '' })}
        confirmLabel={t('announcements.admin.delete')}
        isBusy={change.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          change.mutate({ kind: 'delete', id: deleting.id }, { onSuccess: () => setDeleting(null) })
        }
      />
    </>
  );
}
