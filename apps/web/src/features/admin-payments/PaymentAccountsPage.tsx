import type { AdminPaymentAccount } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { AccountForm } from './AccountForm.tsx';
import { useAccountActions, useAccounts } from './admin-payments-queries.ts';

/** `/admin/payment-accounts`: the accounts buyers transfer to; add, edit, deactivate, reorder. */
export function PaymentAccountsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Accounts />;
}

function Accounts() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useAccounts();
  const { setActive, reorder } = useAccountActions();
  const [editing, setEditing] = useState<AdminPaymentAccount | 'new' | null>(null);
  const items = list.data?.items ?? [];

  function move(index: number, by: -1 | 1) {
    const ids = items.map((a) => a.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(index + by, 0, id);
    reorder.mutate(ids);
  }

  return (
    <>
      <PageMeta title={t('manual.admin.accountsTitle')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">
          {t('manual.admin.accountsTitle')}
        </h1>
        <TextLink to="/admin/payments">{t('manual.admin.queueLink')}</TextLink>
      </div>
      <p className="mt-2 text-slate-700">{t('manual.admin.accountsSubtitle')}</p>
      {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
      {setActive.isError || reorder.isError ? (
        <Alert tone="error">{errorMessage(setActive.error ?? reorder.error)}</Alert>
      ) : null}
      <div className="mt-6">
        {editing === 'new' ? (
          <AccountForm account={null} onDone={() => setEditing(null)} />
        ) : (
          <Button onClick={() => setEditing('new')}>{t('manual.admin.addAccount')}</Button>
        )}
      </div>
      <ul className="mt-6 space-y-3">
        {items.map((a, i) => (
          <li
            key={a.id}
            className="rounded-xl border border-slate-200 bg-white p-4"
            data-testid="admin-account"
          >
            {editing !== 'new' && editing?.id === a.id ? (
              <AccountForm account={a} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-semibold text-slate-900">
                    {a.title}{' '}
                    <span className="text-sm font-normal text-slate-600">
                      · {t(`manual.method.${a.method}`)}
                    </span>
                  </p>
                  <p className="font-mono text-sm text-slate-700" dir="ltr">
                    {a.accountName} · {a.accountNumber}
                    {a.iban ? ` · ${a.iban}` : ''}
                  </p>
                  {a.active ? null : (
                    <p className="text-sm font-medium text-amber-800">{t('manual.admin.inactive')}</p>
                  )}
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('manual.admin.moveUp', { title: a.title })}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('manual.admin.moveDown', { title: a.title })}
                  >
                    ↓
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setEditing(a)}>
                    {t('manual.admin.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant={a.active ? 'danger' : 'secondary'}
                    onClick={() => setActive.mutate({ id: a.id, active: !a.active })}
                  >
                    {a.active ? t('manual.admin.deactivate') : t('manual.admin.activate')}
                  </Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
