import { MailStatus as MailStatusSchema } from '@9tangle/contracts';
import * as Label from '@radix-ui/react-label';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listMail } from '../../api/admin.ts';
import type { MailStatus } from '../../api/types.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { cn } from '../../components/ui/cn.ts';
import { inputClasses } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { MailDetailDialog } from './MailDetailDialog.tsx';
import { MailTable } from './MailTable.tsx';
import { mailQueryKey } from './mail-queries.ts';

const PAGE_SIZE = 20;

/** The admin's view of every mail the platform sent or tried to send. Anyone else sees "not found". */
export function OutboxPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Outbox />;
}

function Outbox() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const statusId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const [openMailId, setOpenMailId] = useState<string | null>(null);
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const statusParam = MailStatusSchema.safeParse(searchParams.get('status'));
  const status: MailStatus | undefined = statusParam.success ? statusParam.data : undefined;

  const mail = useQuery({
    queryKey: [...mailQueryKey, { page, status }],
    queryFn: () => listMail({ page, limit: PAGE_SIZE, status }),
    placeholderData: keepPreviousData,
  });

  function setFilters(next: { page?: number; status?: MailStatus | undefined }) {
    const params = new URLSearchParams();
    const nextStatus = 'status' in next ? next.status : status;
    const nextPage = next.page ?? 1;
    if (nextStatus) params.set('status', nextStatus);
    if (nextPage > 1) params.set('page', String(nextPage));
    setSearchParams(params);
  }

  return (
    <>
      <PageMeta title={t('outbox.title')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('outbox.title')}</h1>
          <p className="mt-2 text-slate-700">{t('outbox.subtitle')}</p>
        </div>
        <div className="w-48 space-y-1.5">
          <Label.Root htmlFor={statusId} className="block text-sm font-medium text-slate-800">
            {t('outbox.statusFilter')}
          </Label.Root>
          <select
            id={statusId}
            value={status ?? ''}
            onChange={(event) => {
              const value = MailStatusSchema.safeParse(event.currentTarget.value);
              setFilters({ status: value.success ? value.data : undefined });
            }}
            className={cn(inputClasses, 'border-slate-300')}
          >
            <option value="">{t('outbox.allStatuses')}</option>
            {MailStatusSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`outbox.status.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="mt-8">
        {mail.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {mail.isError ? <Alert tone="error">{errorMessage(mail.error)}</Alert> : null}
        {mail.data ? (
          <>
            <MailTable items={mail.data.items} onOpen={setOpenMailId} />
            <Pagination
              page={mail.data.pageInfo.page}
              pages={mail.data.pageInfo.pages}
              total={mail.data.pageInfo.total}
              onPage={(nextPage) => setFilters({ page: nextPage })}
            />
          </>
        ) : null}
      </div>
      <MailDetailDialog
        key={openMailId ?? 'closed'}
        mailId={openMailId}
        onClose={() => setOpenMailId(null)}
      />
    </>
  );
}
