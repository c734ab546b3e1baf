import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';

type DescriptionFieldProps = { defaultValue: string; error?: string | undefined };

/**
 * The description as HTML, with a live preview. The preview is a sandboxed `srcdoc` frame (no scripts,
 * its own opaque origin), so nothing typed here can run in the studio; the server sanitizes the HTML
 * with an allowlist when it is saved, and the course page shows only that sanitized version.
 */
export function DescriptionField({ defaultValue, error }: DescriptionFieldProps) {
  const { t } = useTranslation();
  const [html, setHtml] = useState(defaultValue);
  const preview = useDeferredValue(html);
  return (
    <div className="space-y-3 sm:col-span-2">
      <TextareaField
        label={t('studio.fields.description')}
        name="descriptionHtml"
        value={html}
        onChange={(event) => setHtml(event.currentTarget.value)}
        dir="ltr"
        rows={10}
        spellCheck
        hint={t('studio.fields.descriptionHint')}
        error={error}
      />
      <div>
        <p className="text-sm font-medium text-slate-800">{t('studio.fields.descriptionPreview')}</p>
        <iframe
          title={t('studio.fields.descriptionPreview')}
          sandbox=""
          srcDoc={preview}
          className="mt-1.5 h-56 w-full rounded-lg border border-slate-300 bg-white"
        />
      </div>
    </div>
  );
}
