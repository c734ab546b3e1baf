import { Email, SixDigitCode, type UserDto } from '@9tangle/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { verifyEmail } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { type FieldErrors, readForm, validateForm } from '../../lib/forms.ts';
import { safeNextPath } from '../../lib/next-path.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useMe, useUpdateMeUser } from '../session/use-me.ts';
import { AuthCard } from './AuthCard.tsx';
import { ResendCodeButton } from './ResendCodeButton.tsx';

const SignedInForm = z.object({ code: SixDigitCode });
const SignedOutForm = z.object({ code: SixDigitCode, email: Email });

export function VerifyCodePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const updateMeUser = useUpdateMeUser();
  const [searchParams] = useSearchParams();
  const { data: me } = useMe();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const token = searchParams.get('token');
  const nextPath = safeNextPath(searchParams.get('next')) ?? '/profile';
  const [isCheckingLink, setIsCheckingLink] = useState(Boolean(token));
  const tokenSent = useRef(false);

  async function onVerified(user: UserDto | null) {
    if (user) updateMeUser(user);
    await navigate(nextPath, { replace: true });
  }

  // The link in the mail carries a token: send it once, as soon as the page runs in the browser.
  useEffect(() => {
    if (!token || tokenSent.current) return;
    tokenSent.current = true;
    verifyEmail({ token })
      .then((result) => onVerified(result.user))
      .catch((error: unknown) => {
        if (isApiError(error, 'already_verified')) return onVerified(null);
        setFormError(errorMessage(error));
        setIsCheckingLink(false);
      });
  });

  function emailForResend(): string | null | undefined {
    if (me) return undefined;
    const parsed = Email.safeParse(formRef.current ? (readForm(formRef.current).email ?? '') : '');
    if (parsed.success) return parsed.data;
    setErrors({ email: t('validation.fields.email.invalid_format') });
    return null;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = validateForm(me ? SignedInForm : SignedOutForm, readForm(event.currentTarget), t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSubmitting(true);
    try {
      const result = await verifyEmail(parsed.data);
      await onVerified(result.user);
    } catch (error) {
      if (isApiError(error, 'already_verified')) await onVerified(null);
      else if (isApiError(error, 'invalid_code') || isApiError(error, 'code_expired')) {
        setErrors({ code: errorMessage(error) });
      } else setFormError(errorMessage(error));
    } finally {
      setIsSubmitting(false);
    }
  }

  const isVerified = Boolean(me?.user.emailVerified) && !token;
  return (
    <>
      <PageMeta title={t('verify.title')} description={t('verify.metaDescription')} noIndex />
      <AuthCard
        title={t('verify.title')}
        subtitle={me ? t('verify.subtitleSignedIn', { email: me.user.email }) : t('verify.subtitleSignedOut')}
      >
        {formError ? (
          <Alert tone="error" className="mb-5">
            {formError}
          </Alert>
        ) : null}
        {isCheckingLink ? (
          <p role="status" className="text-slate-700">
            {t('verify.checkingLink')}
          </p>
        ) : isVerified ? (
          <Alert tone="success">
            {t('verify.alreadyVerified')} <TextLink to={nextPath}>{t('verify.continue')}</TextLink>
          </Alert>
        ) : (
          <form
            ref={formRef}
            method="post"
            noValidate
            onSubmit={(event) => void onSubmit(event)}
            className="space-y-5"
          >
            {me ? null : (
              <Field
                label={t('fields.email')}
                name="email"
                type="email"
                autoComplete="email"
                required
                error={errors.email}
              />
            )}
            <Field
              label={t('fields.verificationCode')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              required
              hint={t('verify.codeHint')}
              error={errors.code}
              className="[&_input]:font-mono [&_input]:tracking-[0.3em]"
            />
            <Button type="submit" className="w-full" isLoading={isSubmitting}>
              {t('verify.submit')}
            </Button>
            <ResendCodeButton getEmail={emailForResend} />
          </form>
        )}
      </AuthCard>
    </>
  );
}
