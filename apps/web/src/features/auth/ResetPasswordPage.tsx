import { NewPassword } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { resetPassword } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { type FieldErrors, readForm, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AuthCard } from './AuthCard.tsx';

const ResetForm = z.object({ password: NewPassword, confirmPassword: z.string() });

/** Choose a new password from a mailed link; with `setup=1` it is the first admin's one-time setup. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const token = searchParams.get('token') ?? '';
  const isSetup = searchParams.get('setup') === '1';
  const title = isSetup ? t('reset.setupTitle') : t('reset.title');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = validateForm(ResetForm, readForm(event.currentTarget), t);
    if (!parsed.ok) return setErrors(parsed.errors);
    if (parsed.data.password !== parsed.data.confirmPassword) {
      return setErrors({ confirmPassword: t('validation.passwordsDiffer') });
    }
    setErrors({});
    setIsSubmitting(true);
    try {
      await resetPassword({ token, password: parsed.data.password });
      await navigate('/login', { replace: true, state: { notice: 'passwordReset' } });
    } catch (error) {
      if (isApiError(error, 'validation_failed')) setFormError(t('errors.invalid_token'));
      else setFormError(errorMessage(error));
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <>
      <PageMeta title={title} description={t('reset.metaDescription')} noIndex />
      <AuthCard
        title={title}
        subtitle={isSetup ? t('reset.setupSubtitle') : t('reset.subtitle')}
        footer={<TextLink to="/forgot-password">{t('reset.requestNewLink')}</TextLink>}
      >
        {token.length < 20 ? (
          <Alert tone="error">{t('reset.missingToken')}</Alert>
        ) : (
          <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-5">
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            <Field
              label={t('fields.newPassword')}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              hint={t('fields.passwordHint')}
              error={errors.password}
            />
            <Field
              label={t('fields.confirmPassword')}
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              required
              error={errors.confirmPassword}
            />
            <Button type="submit" className="w-full" isLoading={isSubmitting}>
              {isSetup ? t('reset.setupSubmit') : t('reset.submit')}
            </Button>
          </form>
        )}
      </AuthCard>
    </>
  );
}
