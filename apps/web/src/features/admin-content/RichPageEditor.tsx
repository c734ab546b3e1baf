import type { SiteContentKey } from '@9tangle/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { RichTextField } from '../../components/ui/RichTextField.tsx';
import { SaveBar } from './SaveBar.tsx';
import { useSaveContent } from './use-save-content.ts';

type RichKey = Extract<SiteContentKey, 'about.intro' | 'legal.privacy' | 'legal.terms'>;

/** A page of rich text: the About intro, the privacy policy or the terms (with an effective date). */
export function RichPageEditor({
  contentKey,
  heading,
  initial,
}: {
  contentKey: RichKey;
  heading: string;
  initial: { title: string; html: string; effectiveDate?: string };
}) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveContent(contentKey);
  const isLegal = contentKey !== 'about.intro';
  const [sent, setSent] = useState<string | null>(null);
  const saved = save.data && 'html' in save.data.value ? save.data.value.html : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const title = String(f.get('title') ?? '');
    const html = String(f.get('html') ?? '');
    setSent(html.trim());
    save.mutate(
      isLegal ? { title, html, effectiveDate: String(f.get('effectiveDate') ?? '') } : { title, html },
    );
  }
  return (
    <form onSubmit={submit} className="space-y-5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {heading}
      </h2>
      <Field label={t('adminContent.rich.title')} name="title" maxLength={120} defaultValue={initial.title} />
      {isLegal ? (
        <Field
          label={t('adminContent.rich.effectiveDate')}
          name="effectiveDate"
          type="date"
          defaultValue={initial.effectiveDate ?? ''}
        />
      ) : null}
      <RichTextField
        label={t('adminContent.rich.body')}
        name="html"
        hint={t('adminContent.rich.hint')}
        previewLabel={t('adminContent.rich.preview')}
        defaultValue={initial.html}
        rows={14}
        maxLength={isLegal ? 200_000 : 50_000}
        previewClassName="h-80"
      />
      {save.isSuccess && saved !== null && sent !== null && saved !== sent ? (
        <Alert tone="info">{t('adminContent.rich.cleaned')}</Alert>
      ) : null}
      <SaveBar isPending={save.isPending} isSuccess={save.isSuccess} error={save.error} />
    </form>
  );
}
