import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resendVerification } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../components/ui/Button.tsx';
import { retryAfterSeconds, useErrorMessage } from '../../lib/use-error-message.ts';
import { useCooldown } from './use-cooldown.ts';

type ResendCodeButtonProps = {
  /**
   * The address to send to when signed out; undefined when signed in (the server knows it), null when
   * the address typed is not valid (the page shows why).
   */
  getEmail: () => string | null | undefined;
};

/** Sends a new verification code, honouring the server's cooldown (429 `resend_cooldown`). */
export function ResendCodeButton({ getEmail }: ResendCodeButtonProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [secondsLeft, startCooldown] = useCooldown();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function resend() {
    setMessage(null);
    const email = getEmail();
    if (email === null) return;
    setIsSending(true);
    try {
      await resendVerification(email === undefined ? {} : { email });
      setMessage({ tone: 'ok', text: t('verify.resent') });
      startCooldown(60);
    } catch (error) {
      if (isApiError(error, 'resend_cooldown')) {
        // The countdown under the button says how long; the message only says why it is disabled.
        startCooldown(retryAfterSeconds(error.details) ?? 60);
        setMessage({ tone: 'error', text: t('verify.cooldown') });
      } else {
        setMessage({ tone: 'error', text: errorMessage(error) });
      }
    } finally {
      setIsSending(false);
    }
  }

  return (
    <div className="space-y-2 text-center">
      <Button
        variant="secondary"
        className="w-full"
        isLoading={isSending}
        disabled={secondsLeft > 0}
        onClick={() => void resend()}
      >
        {t('verify.resend')}
      </Button>
      <p aria-live="polite" className="text-sm">
        {message ? (
          <span className={message.tone === 'ok' ? 'block text-emerald-800' : 'block text-red-700'}>
            {message.text}
          </span>
        ) : null}
      </p>
      {secondsLeft > 0 ? (
        <p className="text-sm text-slate-700">{t('verify.resendIn', { count: secondsLeft })}</p>
      ) : null}
    </div>
  );
}
