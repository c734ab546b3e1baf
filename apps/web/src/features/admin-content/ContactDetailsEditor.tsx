import type { ContactDetails } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { SaveBar } from './SaveBar.tsx';
import { useSaveContent } from './use-save-content.ts';

/** The details /contact shows; the email also receives the contact form. */
export function ContactDetailsEditor({ initial }: { initial: ContactDetails }) {
  const { t } = useTranslation();
  const [c, setC] = useState(initial);
  const save = useSaveContent('contact.details');
  const set = (patch: Partial<ContactDetails>) => setC((v) => ({ ...v, ...patch }));
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(c);
  }
  const text = (name: 'phone' | 'whatsapp' | 'hours', max: number) => (
    <Field
      label={t(`adminContent.contact.${name}`)}
      name={name}
      maxLength={max}
      value={c[name]}
      onChange={(e) => set({ [name]: e.currentTarget.value })}
    />
  );
  return (
    <form onSubmit={submit} className="space-y-5" aria-labelledby="contact-title">
      <h2 id="contact-title" className="text-xl font-semibold text-slate-900">
        {t('adminContent.contact.title')}
      </h2>
      <Field
        label={t('adminContent.contact.email')}
        name="email"
        type="email"
        maxLength={254}
        hint={t('adminContent.contact.emailHint')}
        value={c.email}
        onChange={(e) => set({ email: e.currentTarget.value })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('phone', 40)}
        {text('whatsapp', 40)}
      </div>
      {text('hours', 200)}
      <TextareaField
        label={t('adminContent.contact.address')}
        name="address"
        maxLength={400}
        rows={3}
        value={c.address}
        onChange={(e) => set({ address: e.currentTarget.value })}
      />
      <Field
        label={t('adminContent.contact.mapUrl')}
        name="mapUrl"
        dir="ltr"
        maxLength={500}
        hint={t('adminContent.httpsHint')}
        value={c.mapUrl}
        onChange={(e) => set({ mapUrl: e.currentTarget.value })}
      />
      <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">
          {t('adminContent.contact.socials')}
        </legend>
        {c.socials.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows edited in place
          <div key={i} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
            <Field
              label={t('adminContent.linkLabel', { n: i + 1 })}
              name={`social-${i}-label`}
              maxLength={40}
              value={s.label}
              onChange={(e) =>
                set({
                  socials: c.socials.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)),
                })
              }
            />
            <Field
              label={t('adminContent.linkUrl', { n: i + 1 })}
              name={`social-${i}-url`}
              dir="ltr"
              maxLength={500}
              value={s.url}
              onChange={(e) =>
                set({
                  socials: c.socials.map((x, j) => (j === i ? { ...x, url: e.currentTarget.value } : x)),
                })
              }
            />
            <Button
              type="button"
              variant="ghost"
              onClick={() => set({ socials: c.socials.filter((_, j) => j !== i) })}
            >
              {t('adminContent.remove')}
            </Button>
          </div>
        ))}
        {c.socials.length < 8 ? (
          <Button
            type="button"
            size="sm"
            variant="secondary"
            onClick={() => set({ socials: [...c.socials, { label: '', url: 'https://' }] })}
          >
            {t('adminContent.addLink')}
          </Button>
        ) : null}
      </fieldset>
      <SaveBar isPending={save.isPending} isSuccess={save.isSuccess} error={save.error} />
    </form>
  );
}
