import { useTranslation } from 'react-i18next';
import type { MailSummary } from '../../api/types.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useRetryMail } from './mail-queries.ts';
import { StatusBadge } from './StatusBadge.tsx';

type MailTableProps = { items: MailSummary[]; onOpen: (id: string) => void };

export function MailTable({ items, onOpen }: MailTableProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const retry = useRetryMail();

  if (items.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">{t('outbox.empty')}</p>
    );
  }
  return (
    <>
      {retry.isError ? (
        <Alert tone="error" className="mb-4">
          {errorMessage(retry.error)}
        </Alert>
      ) : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[40rem] text-start text-sm">
          <caption className="sr-only">{t('outbox.tableCaption')}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('outbox.columns.to')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('outbox.columns.subject')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('outbox.columns.status')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('outbox.columns.created')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                <span className="sr-only">{t('outbox.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {items.map((mail) => (
              <tr key={mail.id} className="hover:bg-slate-50">
                <td className="px-4 py-3 text-slate-900" dir="ltr">
                  <span className="block max-w-[14rem] truncate text-start">{mail.to}</span>
                </td>
                <td className="px-4 py-3">
                  <button
                    type="button"
                    onClick={() => onOpen(mail.id)}
                    className={cn(
                      'rounded text-start font-medium text-indigo-700 underline-offset-4 hover:underline',
                      focusRing,
                    )}
                  >
                    {mail.subject}
                  </button>
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={mail.status} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                  {formatDateTime(mail.createdAt, i18n.language)}
                </td>
                <td className="px-4 py-3 text-end">
                  {mail.status === 'failed' ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      isLoading={retry.isPending && retry.variables === mail.id}
                      onClick={() => retry.mutate(mail.id)}
                      aria-label={t('outbox.retryLabel', { subject: mail.subject })}
                    >
                      {t('outbox.retry')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
