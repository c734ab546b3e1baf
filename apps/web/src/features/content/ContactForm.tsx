import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useMe } from '../session/use-me.ts';
import { sendContactMessage } from './content-api.ts';

/** The field of a validation error the server names (`details[].path[0]`). */
function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { path?: string[]; message?: string }[]) {
    const name = d.path?.[0];
    if (name && !out[name]) out[name] = d.message ?? '';
  }
  return out;
}

/** The contact form: delivered to the academy's inbox and mailed to the admins. */
export function ContactForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { data: me } = useMe();
  const [sent, setSent] = useState(false);
  const send = useMutation({ mutationFn: sendContactMessage, onSuccess: () => setSent(true) });
  const errors = fieldErrors(send.error);
  const invalid = (name: string) =>
    errors[name] !== undefined ? t(`content.contact.invalid.${name}`) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const get = (k: string) => String(f.get(k) ?? '');
    send.mutate({
      name: get('name'),
      email: get('email'),
      subject: get('subject'),
      message: get('message'),
      website: get('website'),
    });
  }

  if (sent)
    return (
      <div role="status">
        <Alert tone="success">{t('content.contact.sent')}</Alert>
      </div>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title" className="text-xl font-semibold text-slate-900">
        {t('content.contact.formTitle')}
      </h2>
      {send.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error">{errorMessage(send.error)}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('content.contact.name')}
          name="name"
          required
          maxLength={120}
          autoComplete="name"
          defaultValue={me?.user.name ?? ''}
          error={invalid('name')}
        />
        <Field
          label={t('content.contact.email')}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          defaultValue={me?.user.email ?? ''}
          error={invalid('email')}
        />
      </div>
      <Field
        label={t('content.contact.subject')}
        name="subject"
        required
        maxLength={200}
        error={invalid('subject')}
      />
      <TextareaField
        label={t('content.contact.message')}
        name="message"
        required
        minLength={10}
        maxLength={5000}
        rows={6}
        hint={t('content.contact.messageHint')}
        error={invalid('message')}
      />
      {/* The honeypot: hidden from people and from assistive technology; bots fill it in. */}
      <div aria-hidden="true" className="absolute -start-[9999px] top-auto size-px overflow-hidden">
        <label>
          Website
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <Button type="submit" isLoading={send.isPending}>
        {t('content.contact.send')}
      </Button>
    </form>
  );
}
