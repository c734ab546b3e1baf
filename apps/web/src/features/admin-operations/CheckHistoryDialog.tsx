import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { CheckStateBadge } from './CheckStateBadge.tsx';
import { useCheckHistory } from './operations-queries.ts';

/** Every change of state of one check, newest first. */
export function CheckHistoryDialog({ checkId, onClose }: { checkId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const history = useCheckHistory(checkId);
  const titleId = useId();
  return (
    <Modal open={checkId !== null} onClose={onClose} labelledBy={titleId} className="max-w-2xl">
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {t('adminOperations.history.title', { title: history.data?.check.title ?? '' })}
          </h2>
          <Button variant="secondary" size="sm" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
        <div className="flex-1 overflow-y-auto p-5">
          {history.isError ? <Alert tone="error">{errorMessage(history.error)}</Alert> : null}
          {history.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
          {history.data && history.data.items.length === 0 ? (
            <p className="text-slate-700">{t('adminOperations.history.empty')}</p>
          ) : null}
          <ol className="space-y-3">
            {history.data?.items.map((h) => (
              <li key={h.id} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {h.previousState ? (
                    <>
                      <CheckStateBadge state={h.previousState} />
                      <span aria-hidden="true">→</span>
                      <span className="sr-only">{t('adminOperations.history.to')}</span>
                    </>
                  ) : null}
                  <CheckStateBadge state={h.state} />
                  <time dateTime={h.createdAt} className="ms-auto text-slate-700">
                    {formatDateTime(h.createdAt, i18n.language)}
                  </time>
                </div>
                <p className="mt-2 text-sm text-slate-900">{h.message}</p>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </Modal>
  );
}
