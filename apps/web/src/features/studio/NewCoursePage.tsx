import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { type FieldErrors, serverFieldErrors } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { CourseBasicsFields } from './CourseBasicsFields.tsx';
import { aliasFieldErrors, readCourseForm } from './course-form.ts';
import { PriceFields } from './PriceFields.tsx';
import { StudioGate } from './StudioGate.tsx';
import { useCreateCourse } from './studio-queries.ts';

const FIELDS = ['title', 'categoryId', 'level', 'language', 'priceMinor', 'currency'];

/** `/studio/courses/new`: the few facts a draft needs; everything else is edited afterwards. */
export function NewCoursePage() {
  const { t } = useTranslation();
  return <StudioGate title={t('studio.new.title')}>{() => <NewCourseForm />}</StudioGate>;
}

function NewCourseForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = readCourseForm(event.currentTarget, t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    try {
      const course = await create.mutateAsync(parsed.data);
      await navigate(`/studio/courses/${course.id}`);
    } catch (error) {
      const fieldErrors = aliasFieldErrors(serverFieldErrors(error, FIELDS));
      setErrors(fieldErrors);
      if (!isApiError(error, 'validation_failed')) setFormError(errorMessage(error));
      else if (fieldErrors.form) setFormError(fieldErrors.form);
    }
  }

  return (
    <>
      <PageMeta title={t('studio.new.title')} description={t('meta.private')} noIndex />
      <p>
        <TextLink to="/studio">{t('studio.backToStudio')}</TextLink>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">{t('studio.new.title')}</h1>
      <p className="mt-2 text-slate-700">{t('studio.new.subtitle')}</p>
      <Card className="mt-8 max-w-3xl">
        {formError ? (
          <Alert tone="error" className="mb-5">
            {formError}
          </Alert>
        ) : null}
        <form
          method="post"
          noValidate
          onSubmit={(event) => void onSubmit(event)}
          className="grid gap-5 sm:grid-cols-2"
        >
          <CourseBasicsFields
            values={{ title: '', categoryId: null, level: 'beginner', language: 'en' }}
            errors={errors}
          />
          <PriceFields priceMinor={0} currency="PKR" errors={errors} />
          <div className="sm:col-span-2">
            <Button type="submit" isLoading={create.isPending}>
              {t('studio.new.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
