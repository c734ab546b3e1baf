import { ForgotPasswordBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPasswordReset } from '../../api/auth.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { type FieldErrors, readForm, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AuthCard } from './AuthCard.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSent, setIsSent] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = validateForm(ForgotPasswordBody, readForm(event.currentTarget), t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSubmitting(true);
    try {
      await requestPasswordReset(parsed.data);
      setIsSent(true);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <>
      <PageMeta title={t('forgot.title')} description={t('forgot.metaDescription')} />
      <AuthCard
        title={t('forgot.title')}
        subtitle={t('forgot.subtitle')}
        footer={<TextLink to="/login">{t('forgot.backToLogin')}</TextLink>}
      >
        {isSent ? (
          <Alert tone="success">{t('forgot.sent')}</Alert>
        ) : (
          <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-5">
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            <Field
              label={t('fields.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              error={errors.email}
            />
            <Button type="submit" className="w-full" isLoading={isSubmitting}>
              {t('forgot.submit')}
            </Button>
          </form>
        )}
      </AuthCard>
    </>
  );
}
