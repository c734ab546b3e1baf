import { contentImageUrl } from '@9tangle/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { uploadContentImage } from './admin-content-api.ts';

/** Pick an image for a content value: upload (JPEG, PNG or WebP, checked by the server) or remove. */
export function ImageField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const upload = useMutation({ mutationFn: uploadContentImage, onSuccess: (r) => onChange(r.key) });
  return (
    <div className="space-y-2">
      <p id={`${id}-label`} className="text-sm font-medium text-slate-800">
        {label}
      </p>
      {value ? (
        <img
          src={contentImageUrl(value)}
          alt={t('adminContent.image.current')}
          className="h-32 w-auto rounded-lg border border-slate-200 object-cover"
        />
      ) : (
        <p className="text-sm text-slate-600">{t('adminContent.image.none')}</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 focus-within:ring-2 focus-within:ring-indigo-600 hover:bg-slate-50">
          {upload.isPending ? t('adminContent.image.uploading') : t('adminContent.image.upload')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="sr-only"
            aria-describedby={`${id}-label`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) upload.mutate(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {value ? (
          <Button type="button" size="sm" variant="ghost" onClick={() => onChange(null)}>
            {t('adminContent.image.remove')}
          </Button>
        ) : null}
      </div>
      {upload.error ? <Alert tone="error">{errorMessage(upload.error)}</Alert> : null}
    </div>
  );
}
