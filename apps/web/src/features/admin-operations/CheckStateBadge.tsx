import type { CheckState } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<CheckState | 'none', string> = {
  ok: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  warn: 'bg-amber-100 text-amber-900 ring-amber-300',
  crit: 'bg-red-100 text-red-900 ring-red-300',
  none: 'bg-slate-100 text-slate-800 ring-slate-300',
};
const marks: Record<CheckState | 'none', string> = { ok: '✓', warn: '!', crit: '✕', none: '–' };

/** A check's state as a word (OK / WARN / CRIT) with a mark, not by its colour alone. */
export function CheckStateBadge({ state }: { state: CheckState | null }) {
  const { t } = useTranslation();
  const key = state ?? 'none';
  return (
    <span
      className={cn(
        'inline-flex min-w-16 items-center justify-center gap-1 rounded-full px-2 py-0.5 text-xs font-bold ring-1',
        tones[key],
      )}
    >
      <span aria-hidden="true">{marks[key]}</span>
      <span>{t(`adminOperations.state.${key}`)}</span>
    </span>
  );
}
