import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn, focusRing } from './cn.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
};

/** A checkbox with its label beside it (the whole label toggles it) and an optional hint. */
export function CheckboxField({ label, hint, error, className, ...props }: CheckboxFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={cn('space-y-1', className)}>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cn('mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-indigo-600', focusRing)}
          {...props}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      <div className="ps-8">
        <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      </div>
    </div>
  );
}
