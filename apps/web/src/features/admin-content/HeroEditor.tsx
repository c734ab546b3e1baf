import type { HomeHero } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { HomeHero as HeroPreview } from '../content/HomeHero.tsx';
import { ImageField } from './ImageField.tsx';
import { SaveBar } from './SaveBar.tsx';
import { useSaveContent } from './use-save-content.ts';

/** The home page banner: text, up to two buttons and a background image, with a live preview. */
export function HeroEditor({ initial }: { initial: HomeHero }) {
  const { t } = useTranslation();
  const [hero, setHero] = useState(initial);
  const save = useSaveContent('home.hero');
  const set = (patch: Partial<HomeHero>) => setHero((h) => ({ ...h, ...patch }));
  const setCta = (i: number, patch: Partial<HomeHero['ctas'][number]>) =>
    set({ ctas: hero.ctas.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(hero);
  }
  return (
    <form onSubmit={submit} className="space-y-5" aria-labelledby="hero-title">
      <h2 id="hero-title" className="text-xl font-semibold text-slate-900">
        {t('adminContent.hero.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('adminContent.hero.hint')}</p>
      <Field
        label={t('adminContent.hero.eyebrow')}
        name="eyebrow"
        maxLength={80}
        value={hero.eyebrow}
        onChange={(e) => set({ eyebrow: e.currentTarget.value })}
      />
      <Field
        label={t('adminContent.hero.heading')}
        name="heroTitle"
        maxLength={120}
        value={hero.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <TextareaField
        label={t('adminContent.hero.subtitle')}
        name="subtitle"
        maxLength={400}
        rows={3}
        value={hero.subtitle}
        onChange={(e) => set({ subtitle: e.currentTarget.value })}
      />
      <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">{t('adminContent.hero.ctas')}</legend>
        <p className="text-sm text-slate-600">{t('adminContent.hero.ctasHint')}</p>
        {hero.ctas.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: at most two rows, edited in place
          <div key={i} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
            <Field
              label={t('adminContent.hero.ctaLabel', { n: i + 1 })}
              name={`cta-${i}-label`}
              maxLength={40}
              value={c.label}
              onChange={(e) => setCta(i, { label: e.currentTarget.value })}
            />
            <Field
              label={t('adminContent.hero.ctaHref', { n: i + 1 })}
              name={`cta-${i}-href`}
              maxLength={500}
              dir="ltr"
              value={c.href}
              onChange={(e) => setCta(i, { href: e.currentTarget.value })}
            />
            <Button
              type="button"
              variant="ghost"
              onClick={() => set({ ctas: hero.ctas.filter((_, j) => j !== i) })}
            >
              {t('adminContent.remove')}
            </Button>
          </div>
        ))}
        {hero.ctas.length < 2 ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => set({ ctas: [...hero.ctas, { label: '', href: '/courses' }] })}
          >
            {t('adminContent.hero.addCta')}
          </Button>
        ) : null}
      </fieldset>
      <ImageField
        label={t('adminContent.hero.image')}
        value={hero.imageKey}
        onChange={(imageKey) => set({ imageKey })}
      />
      <section aria-labelledby="hero-preview-title" className="space-y-2">
        <h3 id="hero-preview-title" className="text-sm font-medium text-slate-800">
          {t('adminContent.hero.preview')}
        </h3>
        <HeroPreview preview={hero} />
      </section>
      <SaveBar isPending={save.isPending} isSuccess={save.isSuccess} error={save.error} />
    </form>
  );
}
