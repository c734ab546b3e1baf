import { type PageHeaders, PublicPageNames } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/Field.tsx';
import { ImageField } from './ImageField.tsx';
import { SaveBar } from './SaveBar.tsx';
import { useSaveContent } from './use-save-content.ts';

/** The background image and optional heading of each public page. */
export function PageHeadersEditor({ initial }: { initial: PageHeaders }) {
  const { t } = useTranslation();
  const [headers, setHeaders] = useState(initial);
  const save = useSaveContent('page_headers');
  function submit(event: FormEvent) {
    event.preventDefault();
    // Empty text is left out: the page then shows its own heading.
    const clean = Object.fromEntries(
      PublicPageNames.map((p) => {
        const h = headers[p];
        return [
          p,
          {
            imageKey: h.imageKey,
            ...(h.title ? { title: h.title } : {}),
            ...(h.subtitle ? { subtitle: h.subtitle } : {}),
          },
        ];
      }),
    );
    save.mutate(clean);
  }
  return (
    <form onSubmit={submit} className="space-y-5" aria-labelledby="headers-title">
      <h2 id="headers-title" className="text-xl font-semibold text-slate-900">
        {t('adminContent.headers.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('adminContent.headers.hint')}</p>
      {PublicPageNames.map((p) => {
        const h = headers[p];
        const set = (patch: Partial<typeof h>) =>
          setHeaders((all) => ({ ...all, [p]: { ...all[p], ...patch } }));
        return (
          <fieldset key={p} className="space-y-3 rounded-xl border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-900">
              {t(`adminContent.pages.${p}`)}
            </legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                label={t('adminContent.headers.heading')}
                name={`${p}-title`}
                maxLength={120}
                value={h.title ?? ''}
                onChange={(e) => set({ title: e.currentTarget.value })}
              />
              <Field
                label={t('adminContent.headers.subtitle')}
                name={`${p}-subtitle`}
                maxLength={300}
                value={h.subtitle ?? ''}
                onChange={(e) => set({ subtitle: e.currentTarget.value })}
              />
            </div>
            <ImageField
              label={t('adminContent.headers.image')}
              value={h.imageKey}
              onChange={(imageKey) => set({ imageKey })}
            />
          </fieldset>
        );
      })}
      <SaveBar isPending={save.isPending} isSuccess={save.isSuccess} error={save.error} />
    </form>
  );
}
