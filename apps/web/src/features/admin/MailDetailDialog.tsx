import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getMail } from '../../api/admin.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { mailQueryKey, useRetryMail } from './mail-queries.ts';
import { StatusBadge } from './StatusBadge.tsx';

type MailDetailDialogProps = { mailId: string | null; onClose: () => void };

/** One mail: its headers, its HTML in a sandboxed frame (no scripts, no same-origin), and its text. */
export function MailDetailDialog({ mailId, onClose }: MailDetailDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const retry = useRetryMail();
  const mail = useQuery({
    queryKey: [...mailQueryKey, 'detail', mailId],
    queryFn: () => getMail(mailId ?? ''),
    enabled: mailId !== null,
  });

  const titleId = useId();
  const descriptionId = useId();
  return (
    <Modal
      open={mailId !== null}
      onClose={onClose}
      labelledBy={titleId}
      describedBy={descriptionId}
      className="max-w-4xl"
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 p-5">
          <div className="min-w-0">
            <h2 id={titleId} className="truncate text-lg font-semibold text-slate-900">
              {mail.data?.subject ?? t('outbox.detailTitle')}
            </h2>
            <p id={descriptionId} className="mt-1 text-sm text-slate-700">
              {mail.data ? t('outbox.detailTo', { to: mail.data.to }) : t('common.loading')}
            </p>
          </div>
          <Button variant="secondary" size="sm" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
        <div className="flex-1 space-y-5 overflow-y-auto p-5">
          {mail.isError ? <Alert tone="error">{errorMessage(mail.error)}</Alert> : null}
          {mail.data ? (
            <>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-slate-700">{t('outbox.columns.status')}</dt>
                <dd className="flex flex-wrap items-center gap-3">
                  <StatusBadge status={mail.data.status} />
                  {mail.data.status === 'failed' ? (
                    <Button size="sm" isLoading={retry.isPending} onClick={() => retry.mutate(mail.data.id)}>
                      {t('outbox.retry')}
                    </Button>
                  ) : null}
                  {retry.isSuccess ? <span role="status">{t('outbox.retryQueued')}</span> : null}
                </dd>
                <dt className="font-medium text-slate-700">{t('outbox.fields.template')}</dt>
                <dd className="text-slate-900">{mail.data.template}</dd>
                <dt className="font-medium text-slate-700">{t('outbox.fields.attempts')}</dt>
                <dd className="text-slate-900">{mail.data.attempts}</dd>
                <dt className="font-medium text-slate-700">{t('outbox.columns.created')}</dt>
                <dd className="text-slate-900">{formatDateTime(mail.data.createdAt, i18n.language)}</dd>
                {mail.data.lastError ? (
                  <>
                    <dt className="font-medium text-slate-700">{t('outbox.fields.lastError')}</dt>
                    <dd className="break-words text-red-800">{mail.data.lastError}</dd>
                  </>
                ) : null}
              </dl>
              {retry.isError ? <Alert tone="error">{errorMessage(retry.error)}</Alert> : null}
              <section aria-labelledby="mail-html-title">
                <h3 id="mail-html-title" className="mb-2 text-sm font-semibold text-slate-900">
                  {t('outbox.html')}
                </h3>
                <iframe
                  sandbox=""
                  srcDoc={mail.data.html}
                  title={t('outbox.htmlFrameTitle')}
                  className="h-96 w-full rounded-lg border border-slate-200 bg-white"
                />
              </section>
              <section aria-labelledby="mail-text-title">
                <h3 id="mail-text-title" className="mb-2 text-sm font-semibold text-slate-900">
                  {t('outbox.text')}
                </h3>
                <pre className="max-h-80 overflow-auto whitespace-pre-wrap rounded-lg bg-slate-50 p-4 text-sm text-slate-900">
                  {mail.data.text}
                </pre>
              </section>
            </>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
