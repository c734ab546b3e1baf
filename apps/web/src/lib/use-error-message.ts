import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** `details.retryAfterSeconds` of a 429 answer, rounded up. */
export function retryAfterSeconds(details: unknown): number | undefined {
  if (details && typeof details === 'object' && 'retryAfterSeconds' in details) {
    const value = (details as { retryAfterSeconds: unknown }).retryAfterSeconds;
    if (typeof value === 'number') return Math.max(0, Math.ceil(value));
  }
  return undefined;
}

/** Turns any thrown error into text for the user: `errors.<code>`, falling back to the server's message. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const seconds = retryAfterSeconds(error.details);
        if (seconds !== undefined) {
          return t([`errors.${error.code}_seconds`, `errors.${error.code}`], {
            count: seconds,
            defaultValue: error.message,
          });
        }
        return t(`errors.${error.code}`, { defaultValue: error.message });
      }
      return t('errors.unknown_error');
    },
    [t],
  );
}
