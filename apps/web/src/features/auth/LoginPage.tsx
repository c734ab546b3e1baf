import { LoginBody } from '@9tangle/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { safeNextPath } from '../../lib/next-path.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { storeSignIn, useMe } from '../session/use-me.ts';
import { AuthCard } from './AuthCard.tsx';
import { TwoFactorStep } from './TwoFactorStep.tsx';

type LoginNotice = 'passwordReset' | 'challengeExpired';

export function LoginPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { data: me } = useMe();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<LoginNotice | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const nextPath = safeNextPath(searchParams.get('next'));
  // Read after hydration: the server never sees history state, so rendering it at once would mismatch.
  const stateNotice = (location.state as { notice?: LoginNotice } | null)?.notice;
  useEffect(() => {
    if (stateNotice) setNotice(stateNotice);
  }, [stateNotice]);
  const registerLink = nextPath ? `/register?next=${encodeURIComponent(nextPath)}` : '/register';

  async function finishSignIn(user: Parameters<typeof storeSignIn>[1], csrfToken: string) {
    storeSignIn(queryClient, user, csrfToken);
    await navigate(nextPath ?? '/profile', { replace: true });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setNotice(null);
    const parsed = validateForm(LoginBody, readForm(event.currentTarget), t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSubmitting(true);
    try {
      const result = await login(parsed.data);
      if (result.status === 'mfa_required') setChallenge(result.challenge);
      else await finishSignIn(result.user, result.csrfToken);
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, ['email', 'password']);
      setErrors(fieldErrors);
      if (!isApiError(error, 'validation_failed')) setFormError(errorMessage(error));
      else if (fieldErrors.form) setFormError(fieldErrors.form);
    } finally {
      setIsSubmitting(false);
    }
  }

  const meta = <PageMeta title={t('login.title')} description={t('login.metaDescription')} />;

  if (challenge) {
    return (
      <>
        {meta}
        <TwoFactorStep
          challenge={challenge}
          onSignedIn={(user, csrfToken) => finishSignIn(user, csrfToken)}
          onRestart={(expired) => {
            setChallenge(null);
            setNotice(expired ? 'challengeExpired' : null);
          }}
        />
      </>
    );
  }

  return (
    <>
      {meta}
      <AuthCard
        title={t('login.title')}
        subtitle={t('login.subtitle')}
        footer={
          <>
            {t('login.noAccount')} <TextLink to={registerLink}>{t('login.createAccount')}</TextLink>
          </>
        }
      >
        {me ? (
          <Alert className="mb-5">
            {t('login.alreadySignedIn', { email: me.user.email })}{' '}
            <TextLink to="/profile">{t('login.goToAccount')}</TextLink>
          </Alert>
        ) : null}
        {notice ? (
          <Alert tone={notice === 'passwordReset' ? 'success' : 'warning'} className="mb-5">
            {t(`login.notice.${notice}`)}
          </Alert>
        ) : null}
        {formError ? (
          <Alert tone="error" className="mb-5">
            {formError}
          </Alert>
        ) : null}
        <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-5">
          <Field
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={errors.email}
          />
          <Field
            label={t('fields.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <div className="flex justify-end text-sm">
            <TextLink to="/forgot-password">{t('login.forgotPassword')}</TextLink>
          </div>
          <Button type="submit" className="w-full" isLoading={isSubmitting}>
            {t('login.submit')}
          </Button>
        </form>
      </AuthCard>
    </>
  );
}
