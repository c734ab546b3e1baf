import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';

/** Error text for quiz screens: the quiz's own wording for its error codes, else the app's. */
export function useQuizErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const fallback = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const key = error instanceof ApiError ? `quiz.errors.${error.code}` : null;
      return key && i18n.exists(key) ? t(key) : fallback(error);
    },
    [t, i18n, fallback],
  );
}
