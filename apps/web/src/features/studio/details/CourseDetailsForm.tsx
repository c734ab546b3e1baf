import type { StudioCourse } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';
import { type FieldErrors, serverFieldErrors } from '../../../lib/forms.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { CourseBasicsFields } from '../CourseBasicsFields.tsx';
import { aliasFieldErrors, readCourseForm } from '../course-form.ts';
import { PriceFields } from '../PriceFields.tsx';
import { useUpdateCourse } from '../studio-queries.ts';
import { DescriptionField } from './DescriptionField.tsx';
import { IntroVideoUpload } from './IntroVideoUpload.tsx';
import { ThumbnailUpload } from './ThumbnailUpload.tsx';

const FIELDS = [
  'title',
  'slug',
  'subtitle',
  'descriptionHtml',
  'categoryId',
  'level',
  'language',
  'durationMinutes',
  'priceMinor',
  'currency',
  'whatYouWillLearn',
  'requirements',
  'introVideoUrl',
];

/** Every field of the course (`CoursePatch`), saved together; the thumbnail uploads on its own. */
export function CourseDetailsForm({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateCourse(course.id);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const parsed = readCourseForm(event.currentTarget, t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) {
      setStatus({ tone: 'error', text: t('errors.validation_failed') });
      return;
    }
    try {
      await update.mutateAsync(parsed.data);
      setStatus({ tone: 'success', text: t('studio.details.saved') });
    } catch (error) {
      const fieldErrors = aliasFieldErrors(serverFieldErrors(error, FIELDS));
      // A taken web address is a conflict, not a validation error, but it belongs to the slug field.
      if (isApiError(error, 'slug_taken')) fieldErrors.slug = errorMessage(error);
      setErrors(fieldErrors);
      const text = isApiError(error, 'validation_failed')
        ? (fieldErrors.form ?? errorMessage(error))
        : errorMessage(error);
      setStatus({ tone: 'error', text });
    }
  }

  return (
    <section aria-labelledby="details-title" className="space-y-8">
      <h2 id="details-title" className="text-xl font-semibold text-slate-900">
        {t('studio.details.title')}
      </h2>
      <ThumbnailUpload course={course} />
      <IntroVideoUpload course={course} />
      <form
        method="post"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="grid gap-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2 sm:p-6"
      >
        <CourseBasicsFields values={course} errors={errors} />
        <Field
          label={t('studio.fields.slug')}
          name="slug"
          defaultValue={course.slug}
          dir="ltr"
          hint={t('studio.fields.slugHint', { slug: course.slug })}
          error={errors.slug}
        />
        <Field
          label={t('studio.fields.subtitle')}
          name="subtitle"
          defaultValue={course.subtitle ?? ''}
          maxLength={200}
          error={errors.subtitle}
          className="sm:col-span-2"
        />
        <PriceFields priceMinor={course.priceMinor} currency={course.currency} errors={errors} />
        <Field
          label={t('studio.fields.durationMinutes')}
          name="durationMinutes"
          type="number"
          min={0}
          max={100000}
          defaultValue={String(course.durationMinutes)}
          hint={t('studio.fields.durationHint')}
          error={errors.durationMinutes}
        />
        <Field
          label={t('studio.fields.introVideoUrl')}
          name="introVideoUrl"
          type="url"
          dir="ltr"
          // The link as saved: `introVideo` shows an uploaded intro video instead when there is one.
          defaultValue={course.introVideoUrl ?? ''}
          hint={t('studio.fields.introVideoHint')}
          error={errors.introVideoUrl}
        />
        <TextareaField
          label={t('studio.fields.whatYouWillLearn')}
          name="whatYouWillLearn"
          defaultValue={course.whatYouWillLearn.join('\n')}
          hint={t('studio.fields.linesHint')}
          error={errors.whatYouWillLearn}
          rows={5}
          className="sm:col-span-2"
        />
        <TextareaField
          label={t('studio.fields.requirements')}
          name="requirements"
          defaultValue={course.requirements.join('\n')}
          hint={t('studio.fields.linesHint')}
          error={errors.requirements}
          rows={4}
          className="sm:col-span-2"
        />
        <DescriptionField defaultValue={course.descriptionHtml} error={errors.descriptionHtml} />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <Button type="submit" isLoading={update.isPending}>
            {t('studio.details.save')}
          </Button>
          {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        </div>
      </form>
    </section>
  );
}
