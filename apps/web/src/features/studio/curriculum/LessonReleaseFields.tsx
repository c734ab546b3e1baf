import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { Field } from '../../../components/ui/Field.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { type ReleaseMode, toLocalInput } from './lesson-form.ts';

type LessonReleaseFieldsProps = { releaseAt: string | null; dripDays: number | null; errors: FieldErrors };

const MODES: ReleaseMode[] = ['now', 'date', 'drip'];

/** When the lesson opens: at once, on a date, or some days after each student enrolls (drip). */
export function LessonReleaseFields({ releaseAt, dripDays, errors }: LessonReleaseFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<ReleaseMode>(releaseAt ? 'date' : dripDays !== null ? 'drip' : 'now');
  return (
    <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4 sm:col-span-2">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t('studio.lesson.release')}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {MODES.map((candidate) => (
          <label
            key={candidate}
            htmlFor={`${id}-${candidate}`}
            className="flex items-center gap-2 text-sm text-slate-800"
          >
            <input
              id={`${id}-${candidate}`}
              type="radio"
              name="release"
              value={candidate}
              checked={mode === candidate}
              onChange={() => setMode(candidate)}
              className={cn('size-4 accent-indigo-600', focusRing)}
            />
            {t(`studio.lesson.releaseModes.${candidate}`)}
          </label>
        ))}
      </div>
      {mode === 'date' ? (
        <Field
          label={t('studio.lesson.releaseAt')}
          name="releaseAt"
          type="datetime-local"
          defaultValue={toLocalInput(releaseAt)}
          hint={t('studio.lesson.releaseAtHint')}
          error={errors.releaseAt}
          className="max-w-xs"
        />
      ) : null}
      {mode === 'drip' ? (
        <Field
          label={t('studio.lesson.dripDays')}
          name="dripDays"
          type="number"
          min={0}
          max={3650}
          defaultValue={dripDays === null ? '' : String(dripDays)}
          hint={t('studio.lesson.dripDaysHint')}
          error={errors.dripDays}
          className="max-w-xs"
        />
      ) : null}
    </fieldset>
  );
}
