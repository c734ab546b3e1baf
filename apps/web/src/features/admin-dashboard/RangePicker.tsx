import { type DashboardPreset, DashboardPresets } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { cn } from '../../components/ui/cn.ts';
import { Field } from '../../components/ui/Field.tsx';
import type { DashboardRangeParams } from './dashboard-api.ts';

type Props = {
  value: DashboardRangeParams;
  /** The days the server resolved, to start the custom fields from. */
  resolved: { from: string; to: string } | undefined;
  onChange: (next: DashboardRangeParams) => void;
};

/** The range: a preset (one press) or a custom from–to (both days included). */
export function RangePicker({ value, resolved, onChange }: Props) {
  const { t } = useTranslation();
  const current = 'preset' in value ? value.preset : 'custom';
  const [from, setFrom] = useState('from' in value ? value.from : (resolved?.from ?? ''));
  const [to, setTo] = useState('to' in value ? value.to : (resolved?.to ?? ''));
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!from || !to || from >= to) {
      setError(t('adminDashboard.range.invalid'));
      return;
    }
    setError(undefined);
    onChange({ from, to });
  }

  return (
    <div className="flex flex-wrap items-end gap-4">
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">
          {t('adminDashboard.range.label')}
        </legend>
        <div className="inline-flex flex-wrap gap-1 rounded-lg border border-slate-300 bg-white p-1">
          {DashboardPresets.map((p: DashboardPreset) => (
            <button
              key={p}
              type="button"
              aria-pressed={current === p}
              onClick={() => onChange({ preset: p })}
              className={cn(
                'rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600',
                current === p ? 'bg-indigo-700 text-white' : 'text-slate-800 hover:bg-slate-100',
              )}
            >
              {t(`adminDashboard.range.presets.${p}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <Field
          type="date"
          name="from"
          label={t('adminDashboard.range.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          className="w-44"
        />
        <Field
          type="date"
          name="to"
          label={t('adminDashboard.range.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={error}
          className="w-44"
        />
        <Button type="submit" variant={current === 'custom' ? 'primary' : 'secondary'}>
          {t('adminDashboard.range.apply')}
        </Button>
      </form>
    </div>
  );
}
