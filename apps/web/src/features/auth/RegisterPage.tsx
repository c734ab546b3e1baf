import { RegisterBody } from '@9tangle/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { register } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { safeNextPath } from '../../lib/next-path.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { storeSignIn } from '../session/use-me.ts';
import { AuthCard } from './AuthCard.tsx';

const FIELDS = ['name', 'email', 'password', 'phone'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const nextPath = safeNextPath(searchParams.get('next'));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = validateForm(RegisterBody, readForm(event.currentTarget, ['phone']), t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSubmitting(true);
    try {
      const result = await register(parsed.data);
      storeSignIn(queryClient, result.user, result.csrfToken);
      await navigate(nextPath ? `/verify-code?next=${encodeURIComponent(nextPath)}` : '/verify-code');
    } catch (error) {
      if (isApiError(error, 'email_taken')) {
        setErrors({ email: errorMessage(error) });
      } else if (isApiError(error, 'validation_failed')) {
        const fieldErrors = serverFieldErrors(error, FIELDS);
        setErrors(fieldErrors);
        if (fieldErrors.form) setFormError(fieldErrors.form);
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <>
      <PageMeta title={t('register.title')} description={t('register.metaDescription')} />
      <AuthCard
        title={t('register.title')}
        subtitle={t('register.subtitle')}
        footer={
          <>
            {t('register.haveAccount')} <TextLink to="/login">{t('register.signIn')}</TextLink>
          </>
        }
      >
        {formError ? (
          <Alert tone="error" className="mb-5">
            {formError}
          </Alert>
        ) : null}
        <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-5">
          <Field label={t('fields.name')} name="name" autoComplete="name" required error={errors.name} />
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
            autoComplete="new-password"
            required
            hint={t('fields.passwordHint')}
            error={errors.password}
          />
          <Field
            label={t('fields.phoneOptional')}
            name="phone"
            type="tel"
            autoComplete="tel"
            error={errors.phone}
          />
          <Button type="submit" className="w-full" isLoading={isSubmitting}>
            {t('register.submit')}
          </Button>
          <p className="text-xs text-slate-600">{t('register.terms')}</p>
        </form>
      </AuthCard>
    </>
  );
}
