import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';

type BioFieldProps = { defaultValue: string; error?: string | undefined };

/**
 * The bio as HTML with a live preview in a sandboxed frame (no scripts, an opaque origin); the server
 * keeps only allowlisted markup when it is saved, and the public page shows that version.
 */
export function BioField({ defaultValue, error }: BioFieldProps) {
  const { t } = useTranslation();
  const [html, setHtml] = useState(defaultValue);
  const preview = useDeferredValue(html);
  return (
    <div className="space-y-3">
      <TextareaField
        label={t('studioProfile.bio')}
        name="bio"
        value={html}
        onChange={(event) => setHtml(event.currentTarget.value)}
        dir="ltr"
        rows={8}
        maxLength={20000}
        spellCheck
        hint={t('studioProfile.bioHint')}
        error={error}
      />
      <div>
        <p className="text-sm font-medium text-slate-800">{t('studioProfile.preview')}</p>
        <iframe
          title={t('studioProfile.preview')}
          sandbox=""
          srcDoc={preview}
          className="mt-1.5 h-40 w-full rounded-lg border border-slate-300 bg-white"
        />
      </div>
    </div>
  );
}
