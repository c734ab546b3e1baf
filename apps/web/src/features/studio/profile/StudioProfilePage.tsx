import type { StudioProfile } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { getStudioProfile, updateStudioProfile } from '../../../api/studio-people.ts';
import { PageMeta } from '../../../components/PageMeta.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { type FieldErrors, serverFieldErrors } from '../../../lib/forms.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { StudioGate } from '../StudioGate.tsx';
import { BioField } from './BioField.tsx';

const profileKey = ['studio', 'profile'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `/studio/profile`: the instructor's public page — web address, headline and bio. */
export function StudioProfilePage() {
  const { t } = useTranslation();
  return <StudioGate title={t('studioProfile.title')}>{() => <ProfileEditor />}</StudioGate>;
}

function ProfileEditor() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const profile = useQuery({ queryKey: profileKey, queryFn: getStudioProfile });
  return (
    <>
      <PageMeta title={t('studioProfile.title')} description={t('meta.private')} noIndex />
      <p>
        <TextLink to="/studio">{t('studio.backToStudio')}</TextLink>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">{t('studioProfile.title')}</h1>
      <p className="mt-2 text-slate-700">{t('studioProfile.subtitle')}</p>
      <div className="mt-8 max-w-3xl">
        {profile.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {profile.isError ? <Alert tone="error">{errorMessage(profile.error)}</Alert> : null}
        {profile.data ? <ProfileForm profile={profile.data} /> : null}
      </div>
    </>
  );
}

function ProfileForm({ profile }: { profile: StudioProfile }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const save = useMutation({
    mutationFn: updateStudioProfile,
    onSuccess: (saved) => queryClient.setQueryData(profileKey, saved),
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const form = new FormData(event.currentTarget);
    const slug = String(form.get('slug') ?? '').trim();
    const headline = String(form.get('headline') ?? '').trim();
    const bio = String(form.get('bio') ?? '');
    if (!SLUG.test(slug) || slug.length < 2) {
      setErrors({ slug: t('studioProfile.slugInvalid') });
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({ slug, headline: headline || null, bio: bio.trim() ? bio : null });
      setStatus({ tone: 'success', text: t('studioProfile.saved') });
    } catch (error) {
      const fieldErrors = serverFieldErrors(error, ['slug', 'headline', 'bio']);
      if (isApiError(error, 'slug_taken')) fieldErrors.slug = errorMessage(error);
      setErrors(fieldErrors);
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      {profile.isPublic ? (
        <p className="text-sm">
          <TextLink to={`/instructors/${profile.slug}`}>{t('studioProfile.viewPublic')}</TextLink>
        </p>
      ) : (
        <Alert tone="info">{t('studioProfile.notPublicYet')}</Alert>
      )}
      <Field
        label={t('studioProfile.slug')}
        name="slug"
        defaultValue={profile.slug}
        dir="ltr"
        maxLength={80}
        hint={t('studioProfile.slugHint')}
        error={errors.slug}
      />
      <Field
        label={t('studioProfile.headline')}
        name="headline"
        defaultValue={profile.headline ?? ''}
        maxLength={120}
        hint={t('studioProfile.headlineHint')}
        error={errors.headline}
      />
      <BioField defaultValue={profile.bio ?? ''} error={errors.bio} />
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <Button type="submit" isLoading={save.isPending}>
        {t('studioProfile.save')}
      </Button>
    </form>
  );
}
