import { LoginTwoFactorBody, type UserDto } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginTwoFactor } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { readForm, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AuthCard } from './AuthCard.tsx';

type TwoFactorStepProps = {
  challenge: string;
  onSignedIn: (user: UserDto, csrfToken: string) => Promise<void>;
  /** Back to email and password; `expired` when the challenge is no longer valid. */
  onRestart: (expired: boolean) => void;
};

/** The second sign-in step: a code from the authenticator app or a recovery code. */
export function TwoFactorStep({ challenge, onSignedIn, onRestart }: TwoFactorStepProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [codeError, setCodeError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = validateForm(LoginTwoFactorBody, { ...readForm(event.currentTarget), challenge }, t);
    setCodeError(parsed.ok ? undefined : (parsed.errors.code ?? parsed.errors.form));
    if (!parsed.ok) return;
    setIsSubmitting(true);
    try {
      const result = await loginTwoFactor(parsed.data);
      if (result.status === 'ok') await onSignedIn(result.user, result.csrfToken);
    } catch (error) {
      if (isApiError(error, 'mfa_invalid_challenge')) onRestart(true);
      else if (isApiError(error, 'invalid_code')) setCodeError(errorMessage(error));
      else setFormError(errorMessage(error));
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <AuthCard title={t('login.twoFactor.title')} subtitle={t('login.twoFactor.subtitle')}>
      {formError ? (
        <Alert tone="error" className="mb-5">
          {formError}
        </Alert>
      ) : null}
      <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-5">
        <Field
          label={t('fields.authenticationCode')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          required
          autoFocus
          hint={t('login.twoFactor.hint')}
          error={codeError}
        />
        <Button type="submit" className="w-full" isLoading={isSubmitting}>
          {t('login.twoFactor.submit')}
        </Button>
        <Button variant="ghost" className="w-full" onClick={() => onRestart(false)}>
          {t('login.twoFactor.back')}
        </Button>
      </form>
    </AuthCard>
  );
}
