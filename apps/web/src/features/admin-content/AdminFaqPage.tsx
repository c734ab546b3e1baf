import type { FaqEntryDto } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from '../admin-shop/AdminOnly.tsx';
import { siteFaqKey } from '../content/content-queries.ts';
import { deleteFaqEntry, listFaq, reorderFaq, updateFaqEntry } from './admin-content-api.ts';
import { adminFaqKey, FaqEntryDialog } from './FaqEntryDialog.tsx';

/** Group entries (already in order) by category, groups in the order of their first entry. */
function grouped(items: FaqEntryDto[]) {
  const groups = new Map<string, FaqEntryDto[]>();
  for (const e of items) groups.set(e.category, [...(groups.get(e.category) ?? []), e]);
  return [...groups];
}

/** `/admin/faq`: the FAQ by category — add, edit, reorder within a category, publish and delete. */
export function AdminFaqPage() {
  return (
    <AdminOnly>
      <FaqEditor />
    </AdminOnly>
  );
}

function FaqEditor() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const faq = useQuery({ queryKey: adminFaqKey, queryFn: listFaq });
  const [editing, setEditing] = useState<FaqEntryDto | 'new' | null>(null);
  const [removing, setRemoving] = useState<FaqEntryDto | null>(null);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminFaqKey }),
      client.invalidateQueries({ queryKey: siteFaqKey }),
    ]);
  const act = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: refresh });
  const items = faq.data?.items ?? [];
  const groups = grouped(items);

  /** Swap an entry with its neighbour in the same category; the whole list is sent in the new order. */
  function move(entry: FaqEntryDto, by: -1 | 1) {
    const order = groups.flatMap(([, list]) => list);
    const list = groups.find(([c]) => c === entry.category)?.[1] ?? [];
    const other = list[list.indexOf(entry) + by];
    if (!other) return;
    const ids = order.map((e) => (e.id === entry.id ? other.id : e.id === other.id ? entry.id : e.id));
    act.mutate(() => reorderFaq(ids));
  }

  return (
    <>
      <PageMeta title={t('adminContent.faq.title')} description={t('adminContent.faq.description')} noIndex />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('adminContent.faq.title')}</h1>
          <p className="mt-1 text-slate-700">{t('adminContent.faq.description')}</p>
        </div>
        <Button onClick={() => setEditing('new')}>{t('adminContent.faq.add')}</Button>
      </div>
      <div aria-live="polite" className="mt-4">
        {faq.error || act.error ? <Alert tone="error">{errorMessage(faq.error ?? act.error)}</Alert> : null}
      </div>
      {faq.isPending ? <p className="mt-6 text-slate-700">{t('common.loading')}</p> : null}
      {!faq.isPending && items.length === 0 ? (
        <p className="mt-6 text-slate-700">{t('adminContent.faq.empty')}</p>
      ) : null}
      {groups.map(([category, list], gi) => (
        <section key={category || '-'} aria-labelledby={`faq-admin-${gi}`} className="mt-8">
          <h2 id={`faq-admin-${gi}`} className="text-lg font-semibold text-slate-900">
            {category || t('content.faq.general')}
          </h2>
          <ol className="mt-3 space-y-3">
            {list.map((e, i) => (
              <li
                key={e.id}
                className="flex flex-wrap items-center gap-3 rounded-2xl border border-slate-200 bg-white p-4"
              >
                <p className="min-w-0 flex-1 font-medium text-slate-900">
                  {e.question}
                  {e.isPublished ? null : (
                    <span className="ms-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                      {t('adminContent.faq.draft')}
                    </span>
                  )}
                </p>
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={i === 0 || act.isPending}
                    aria-label={t('adminContent.moveUp', { name: e.question })}
                    onClick={() => move(e, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={i === list.length - 1 || act.isPending}
                    aria-label={t('adminContent.moveDown', { name: e.question })}
                    onClick={() => move(e, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => act.mutate(() => updateFaqEntry(e.id, { isPublished: !e.isPublished }))}
                  >
                    {e.isPublished ? t('adminContent.faq.unpublish') : t('adminContent.faq.publish')}
                    <span className="sr-only"> — {e.question}</span>
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setEditing(e)}>
                    {t('adminContent.edit')}
                    <span className="sr-only"> — {e.question}</span>
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setRemoving(e)}>
                    {t('adminContent.delete')}
                    <span className="sr-only"> — {e.question}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {editing ? (
        <FaqEntryDialog
          entry={editing === 'new' ? null : editing}
          categories={groups.map(([c]) => c).filter(Boolean)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('adminContent.faq.deleteTitle')}
        description={t('adminContent.faq.deleteBody', { question: removing?.question ?? '' })}
        confirmLabel={t('adminContent.delete')}
        isBusy={act.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing?.id;
          if (id) act.mutate(() => deleteFaqEntry(id), { onSettled: () => setRemoving(null) });
        }}
      />
    </>
  );
}
