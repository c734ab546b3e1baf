import * as Label from '@radix-ui/react-label';
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cn } from './cn.ts';
import { inputClasses } from './Field.tsx';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
};

/** A labelled native `<select>` with its hint and error announced. */
export function SelectField({ label, name, hint, error, options, className, ...props }: SelectFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={cn('space-y-1.5', className)}>
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(inputClasses, error ? 'border-red-600' : 'border-slate-300')}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
