import { type ContactMessageStatus, ContactMessageStatuses } from '@9tangle/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from '../admin-shop/AdminOnly.tsx';
import { deleteMessage, listMessages, setMessageStatus } from './admin-content-api.ts';
import { MessageDetail } from './MessageDetail.tsx';

const messagesKey = ['admin-contact-messages'] as const;

/** `/admin/messages`: what the contact form received — filter by status, read, answer, mark spam. */
export function AdminMessagesPage() {
  return (
    <AdminOnly>
      <Inbox />
    </AdminOnly>
  );
}

function Inbox() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = ContactMessageStatuses.find((s) => s === params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...messagesKey, { page, status }],
    queryFn: () => listMessages({ page, status }),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => client.invalidateQueries({ queryKey: messagesKey }),
  });
  const items = list.data?.items ?? [];
  const open = items.find((m) => m.id === openId) ?? null;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  function setFilter(next: { status?: string; page?: number }) {
    const p = new URLSearchParams();
    const s = next.status ?? status ?? '';
    if (s) p.set('status', s);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  }
  function show(id: string) {
    setOpenId(id);
    const m = items.find((x) => x.id === id);
    // Opening a new message marks it read, as a mail client does.
    if (m?.status === 'new') act.mutate(() => setMessageStatus(id, 'read'));
  }
  const changeStatus = (id: string, s: ContactMessageStatus) => act.mutate(() => setMessageStatus(id, s));

  return (
    <>
      <PageMeta
        title={t('adminContent.messages.title')}
        description={t('adminContent.messages.description')}
        noIndex
      />
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('adminContent.messages.title')}</h1>
      <p className="mt-1 text-slate-700" aria-live="polite">
        {list.data
          ? t('adminContent.messages.unread', { count: list.data.unread })
          : t('adminContent.messages.description')}
      </p>
      <div className="mt-6 max-w-xs">
        <SelectField
          label={t('adminContent.messages.filter')}
          name="status"
          value={status ?? ''}
          onChange={(e) => setFilter({ status: e.currentTarget.value, page: 1 })}
          options={[
            { value: '', label: t('adminContent.messages.all') },
            ...ContactMessageStatuses.map((s) => ({
              value: s,
              label: t(`adminContent.messages.status.${s}`),
            })),
          ]}
        />
      </div>
      <div aria-live="polite" className="mt-4">
        {list.error || act.error ? <Alert tone="error">{errorMessage(list.error ?? act.error)}</Alert> : null}
      </div>
      <div className="mt-4 grid gap-6 lg:grid-cols-[2fr_3fr]">
        <section aria-labelledby="inbox-list-title">
          <h2 id="inbox-list-title" className="sr-only">
            {t('adminContent.messages.listTitle')}
          </h2>
          {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
          {!list.isPending && items.length === 0 ? (
            <p className="text-slate-700">{t('adminContent.messages.empty')}</p>
          ) : null}
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white">
            {items.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  aria-current={m.id === openId ? 'true' : undefined}
                  onClick={() => show(m.id)}
                  className={cn(
                    'block w-full px-4 py-3 text-start hover:bg-slate-50',
                    m.id === openId && 'bg-indigo-50',
                    focusRing,
                  )}
                >
                  <span className={cn('block truncate text-slate-900', m.status === 'new' && 'font-bold')}>
                    {m.status === 'new' ? (
                      <span className="sr-only">{t('adminContent.messages.status.new')}: </span>
                    ) : null}
                    {m.subject}
                  </span>
                  <span className="block truncate text-sm text-slate-700">
                    {m.name} · {format.format(new Date(m.createdAt))} ·{' '}
                    {t(`adminContent.messages.status.${m.status}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {list.data && list.data.pageInfo.pages > 1 ? (
            <div className="mt-4">
              <Pagination
                page={page}
                pages={list.data.pageInfo.pages}
                total={list.data.pageInfo.total}
                onPage={(p) => setFilter({ page: p })}
              />
            </div>
          ) : null}
        </section>
        <div>
          {open ? (
            <MessageDetail
              message={open}
              isBusy={act.isPending}
              onStatus={(s) => changeStatus(open.id, s)}
              onDelete={() => setDeleting(open.id)}
            />
          ) : (
            <p className="rounded-2xl border border-dashed border-slate-300 p-6 text-slate-700">
              {t('adminContent.messages.pick')}
            </p>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={t('adminContent.messages.deleteTitle')}
        description={t('adminContent.messages.deleteBody')}
        confirmLabel={t('adminContent.delete')}
        isBusy={act.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const id = deleting;
          if (id)
            act.mutate(() => deleteMessage(id), {
              onSettled: () => {
                setDeleting(null);
                setOpenId(null);
              },
            });
        }}
      />
    </>
  );
}
