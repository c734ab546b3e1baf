import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';

/** Like `useErrorMessage`, with the cart's own error codes translated from `cart.errors.<code>`. */
export function useCartErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const fallback = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && i18n.exists(`cart.errors.${error.code}`)) {
        const details = error.details as { available?: unknown } | undefined;
        const available = typeof details?.available === 'number' ? details.available : 0;
        return t(`cart.errors.${error.code}`, { count: available });
      }
      return fallback(error);
    },
    [t, i18n, fallback],
  );
}
