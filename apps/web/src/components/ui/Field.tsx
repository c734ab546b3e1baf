import * as Label from '@radix-ui/react-label';
import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { cn, focusRing } from './cn.ts';

export const inputClasses = cn(
  'block w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm',
  'placeholder:text-slate-500 disabled:bg-slate-100',
  focusRing,
);

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  name: string;
  /** Shown under the field and announced with it. */
  hint?: ReactNode;
  error?: string | undefined;
};

/** A labelled input with its hint and error wired up through `aria-describedby`. */
export function Field({ label, name, hint, error, className, type = 'text', ...props }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1.5', className)}>
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(inputClasses, error ? 'border-red-600' : 'border-slate-300')}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
