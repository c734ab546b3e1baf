import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';

/**
 * Error text for the admin users and audit pages: this feature's own wording of a code first (it has
 * Urdu), then the app's `errors.<code>`, then the server's message.
 */
export function useAdminUsersError(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const fallback = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const key = error instanceof ApiError ? `adminUsers.errors.${error.code}` : null;
      return key && i18n.exists(key) ? t(key) : fallback(error);
    },
    [t, i18n, fallback],
  );
}
