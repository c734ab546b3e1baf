import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';

/** The save button of a content section, with its outcome announced. */
export function SaveBar({
  isPending,
  isSuccess,
  error,
}: {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const details =
    isApiError(error, 'validation_failed') && Array.isArray(error.details)
      ? (error.details as { path?: string[]; message?: string }[])
      : [];
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {error ? (
          <Alert tone="error">
            {errorMessage(error)}
            {details.length ? (
              <ul className="mt-1 list-disc ps-5 text-sm">
                {details.map((d) => (
                  <li key={`${d.path?.join('.')}-${d.message}`}>
                    {(d.path ?? []).filter((p) => p !== 'value').join(' › ')}: {d.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : isSuccess ? (
          <Alert tone="success">{t('adminContent.saved')}</Alert>
        ) : null}
      </div>
      <Button type="submit" isLoading={isPending}>
        {t('adminContent.save')}
      </Button>
    </div>
  );
}
