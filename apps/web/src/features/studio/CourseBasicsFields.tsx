import { CourseLevels } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import type { FieldErrors } from '../../lib/forms.ts';
import { COURSE_LANGUAGES, languageName } from '../catalog/course-labels.ts';
import { CategorySelect } from './CategorySelect.tsx';

type CourseBasicsFieldsProps = {
  values: { title: string; categoryId: string | null; level: string; language: string };
  errors: FieldErrors;
};

/** Title, category, level and language: what the new-course form and the editor both ask. */
export function CourseBasicsFields({ values, errors }: CourseBasicsFieldsProps) {
  const { t } = useTranslation();
  const languages: string[] = [...COURSE_LANGUAGES];
  if (!languages.includes(values.language)) languages.push(values.language);
  return (
    <>
      <Field
        label={t('studio.fields.title')}
        name="title"
        defaultValue={values.title}
        required
        maxLength={120}
        error={errors.title}
        className="sm:col-span-2"
      />
      <CategorySelect defaultValue={values.categoryId} error={errors.categoryId} />
      <SelectField
        label={t('studio.fields.level')}
        name="level"
        defaultValue={values.level}
        options={CourseLevels.map((level) => ({ value: level, label: t(`catalog.levels.${level}`) }))}
        error={errors.level}
      />
      <SelectField
        label={t('studio.fields.language')}
        name="language"
        defaultValue={values.language}
        options={languages.map((code) => ({ value: code, label: languageName(code, t) }))}
        error={errors.language}
      />
    </>
  );
}
