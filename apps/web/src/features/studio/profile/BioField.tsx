import { useTranslation } from 'react-i18next';
import { RichTextField } from '../../../components/ui/RichTextField.tsx';

/** The instructor's bio, as HTML with a live preview (sanitized by the server when saved). */
export function BioField({ defaultValue, error }: { defaultValue: string; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <RichTextField
      label={t('studioProfile.bio')}
      name="bio"
      hint={t('studioProfile.bioHint')}
      previewLabel={t('studioProfile.preview')}
      defaultValue={defaultValue}
      error={error}
      rows={8}
      maxLength={20000}
      previewClassName="h-40"
    />
  );
}
