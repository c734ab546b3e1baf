import { cn } from './cn.ts';

type ProgressBarProps = {
  /** 0–100. */
  value: number;
  /** What is measured ("Course progress"); the bar's accessible name. */
  label: string;
  /** The spoken value ("40% complete"). */
  valueText?: string;
  className?: string;
};

/** A horizontal progress bar; it fills from the start edge, so it reads right for Urdu too. */
export function ProgressBar({ value, label, valueText, className }: ProgressBarProps) {
  const percent = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div
        // The width comes from data, so it cannot be a class; style attributes are allowed by the CSP.
        style={{ width: `${percent}%` }}
        className={cn('h-full rounded-full', percent >= 100 ? 'bg-emerald-600' : 'bg-indigo-600')}
      />
    </div>
  );
}
