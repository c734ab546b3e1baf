import { useTranslation } from 'react-i18next';
import { RichTextField } from '../../../components/ui/RichTextField.tsx';

/** The course description, as HTML with a live preview (sanitized by the server when saved). */
export function DescriptionField({
  defaultValue,
  error,
}: {
  defaultValue: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RichTextField
      label={t('studio.fields.description')}
      name="descriptionHtml"
      hint={t('studio.fields.descriptionHint')}
      previewLabel={t('studio.fields.descriptionPreview')}
      defaultValue={defaultValue}
      error={error}
      className="sm:col-span-2"
    />
  );
}
